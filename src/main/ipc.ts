import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { channels, type ChannelName } from '../shared/contract/index';
import type { Envelope } from '../shared/contract/envelope';
export { EVENT_PREFIX } from '../shared/contract/envelope';
import type { Router } from '../host/router';

export const IPC_ERRORS = {
  untrustedSender: 'request refused: it did not come from the LatentDraw window',
} as const;

export type SenderCheck = (event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>) => boolean;

/** Our window's own page, loaded from our own URL, is the only trusted sender. */
export function trustedSender(getWindowContents: () => WebContents | undefined, appUrl: string): SenderCheck {
  return (event) => {
    const contents = getWindowContents();
    const frameUrl = event.senderFrame?.url;
    if (!contents || event.sender !== contents || !frameUrl) return false;
    try {
      const frame = new URL(frameUrl);
      const app = new URL(appUrl);
      return frame.protocol === app.protocol && frame.host === app.host && frame.pathname === app.pathname;
    } catch {
      return false;
    }
  };
}

/**
 * The single wrapper every IPC handler goes through: the sender is checked, then the router
 * validates the payload against the contract before anything acts on it.
 */
export function registerIpc(ipcMain: IpcMain, router: Router, isTrusted: SenderCheck): void {
  for (const name of Object.keys(channels) as ChannelName[]) {
    ipcMain.handle(name, async (event, payload: unknown): Promise<Envelope<unknown>> => {
      if (!isTrusted(event))
        return { ok: false, error: { message: IPC_ERRORS.untrustedSender, code: 'untrusted-sender' } };
      return router(name, payload);
    });
  }
}

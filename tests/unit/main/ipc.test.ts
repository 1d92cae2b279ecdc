import { describe, expect, test, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_ERRORS, registerIpc, trustedSender } from '../../../src/main/ipc';
import { channels } from '../../../src/shared/contract/index';

vi.mock('electron', () => ({}));

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>;

function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  const ipcMain = {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
  } as unknown as IpcMain;
  return { ipcMain, handlers };
}

const APP_URL = 'latentdraw://app/index.html';

describe('IPC gate', () => {
  const ours = { id: 1 } as unknown as WebContents;
  const other = { id: 2 } as unknown as WebContents;
  const isTrusted = trustedSender(() => ours, APP_URL);
  const event = (sender: WebContents, url: string) =>
    ({ sender, senderFrame: { url } }) as unknown as IpcMainInvokeEvent;

  test('registers every channel of the contract through one wrapper', () => {
    const { ipcMain, handlers } = fakeIpcMain();
    registerIpc(ipcMain, async () => ({ ok: true, value: null }), isTrusted);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(channels).sort());
  });

  test('refuses other windows, other pages and frames without a URL', async () => {
    const { ipcMain, handlers } = fakeIpcMain();
    const router = vi.fn(async () => ({ ok: true as const, value: 'answered' }));
    registerIpc(ipcMain, router, isTrusted);
    const handle = handlers.get('app:info')!;
    const refused = { ok: false, error: { message: IPC_ERRORS.untrustedSender, code: 'untrusted-sender' } };
    expect(await handle(event(other, APP_URL), {})).toEqual(refused);
    expect(await handle(event(ours, 'https://attacker.example/index.html'), {})).toEqual(refused);
    expect(await handle(event(ours, 'file:///opt/LatentDraw/resources/app.asar/out/renderer/index.html'), {})).toEqual(
      refused,
    );
    expect(await handle(event(ours, 'latentdraw://other/index.html'), {})).toEqual(refused);
    expect(await handle(event(ours, 'latentdraw://app/trainer.html'), {})).toEqual(refused);
    expect(await handle({ sender: ours } as unknown as IpcMainInvokeEvent, {})).toEqual(refused);
    expect(router).not.toHaveBeenCalled();
    expect(await handle(event(ours, `${APP_URL}#explore`), { a: 1 })).toEqual({ ok: true, value: 'answered' });
    expect(router).toHaveBeenCalledWith('app:info', { a: 1 });
  });
});

/**
 * The only bridge between the page and Electron: intent-named functions built from the
 * contract. The page never sees ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { EVENT_PREFIX, unwrap, type Envelope } from '../shared/contract/envelope';
import { createStudioApi, type StudioTransport } from '../shared/contract/studio-api';

const transport: StudioTransport = {
  invoke: async (channel, request) => unwrap((await ipcRenderer.invoke(channel, request)) as Envelope<unknown>),
  subscribe: (event, listener) => {
    const handler = (_event: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(`${EVENT_PREFIX}${event}`, handler);
    return () => {
      ipcRenderer.removeListener(`${EVENT_PREFIX}${event}`, handler);
    };
  },
};

contextBridge.exposeInMainWorld('studio', createStudioApi(transport));

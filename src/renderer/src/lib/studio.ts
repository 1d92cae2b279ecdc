import { createStudioApi, type StudioApi } from '../../../shared/contract/studio-api';
import { wsProtocols } from '../../../shared/contract/ws-protocol';
import { createWebTransport } from './web-transport';

declare global {
  interface Window {
    /** Set by Electron's preload; absent in browser mode. */
    studio?: StudioApi;
  }
}

/** The token comes from the page's own address, which no other origin can read. */
function browserModeApi(): StudioApi {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const wsUrl = new URL('/ws', location.href);
  wsUrl.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createStudioApi(createWebTransport(wsUrl.href, wsProtocols(token)));
}

/** The typed API: from the preload in Electron, over the WebSocket in browser mode. */
export const studio: StudioApi = window.studio ?? browserModeApi();
export const hostKind: 'electron' | 'browser' = window.studio ? 'electron' : 'browser';

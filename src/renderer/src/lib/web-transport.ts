import type { ChannelName, EventName } from '../../../shared/contract/index';
import { StudioError, unwrap } from '../../../shared/contract/envelope';
import type { StudioTransport } from '../../../shared/contract/studio-api';
import { decodeWire, encodeWire } from '../../../shared/contract/wire';
import type { ServerMessage } from '../../../shared/contract/ws-protocol';

interface Waiting {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * Browser mode: the same API over a WebSocket to the local server. Reconnects by itself;
 * requests made while disconnected wait for the connection. `protocols` carry the token
 * (see wsProtocols): never a cookie, which every server on 127.0.0.1 would receive.
 */
export function createWebTransport(wsUrl: string, protocols: string[]): StudioTransport {
  let socket: WebSocket | undefined;
  let nextId = 1;
  const waiting = new Map<number, Waiting>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let opened: Promise<WebSocket> | undefined;

  function connect(): Promise<WebSocket> {
    if (opened) return opened;
    opened = new Promise((resolve) => {
      const ws = new WebSocket(wsUrl, protocols);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onmessage = (event) => receive(decodeWire(String(event.data)) as ServerMessage);
      ws.onclose = () => {
        socket = undefined;
        opened = undefined;
        for (const w of waiting.values())
          w.reject(new StudioError({ message: 'Lost the connection to LatentDraw.', code: 'disconnected' }));
        waiting.clear();
        emit('transport:disconnected', {});
        setTimeout(() => void connect().then(() => emit('transport:reconnected', {})), 1000);
      };
    });
    return opened;
  }

  function emit(name: string, payload: unknown) {
    for (const listener of listeners.get(name) ?? []) listener(payload);
  }

  function receive(message: ServerMessage) {
    if (message.kind === 'event') return emit(message.name, message.payload);
    if (message.kind === 'error') {
      console.error(`LatentDraw server: ${message.message}`);
      return;
    }
    const w = waiting.get(message.id);
    waiting.delete(message.id);
    try {
      w?.resolve(unwrap(message.envelope));
    } catch (error) {
      w?.reject(error as Error);
    }
  }

  void connect();

  return {
    async invoke(channel: ChannelName, request: unknown) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        ws.send(encodeWire({ id, channel, payload: request }));
      });
    },
    subscribe(event: EventName | string, listener: (payload: unknown) => void) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

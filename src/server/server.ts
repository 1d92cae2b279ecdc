import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeWire } from '../shared/contract/wire';
import type { Router } from '../host/router';
import type { EngineSupervisor } from '../host/supervisor';
import {
  TOKEN_COOKIE,
  contentSecurityPolicy,
  hostIsAllowed,
  originIsAllowed,
  requestToken,
  tokenIsValid,
} from './security';
import { serveFile } from './static-files';
import type { ServerMessage } from '../shared/contract/ws-protocol';
import type { DecodedFrame } from './frame-decode';
import { FrameDecoder } from './frame-decoder';

export const SERVER_LIMITS = {
  /**
   * Largest WebSocket message accepted: an upload chunk (8 MiB, about 11 MiB as base64) and
   * its envelope. Anything bigger is refused before it is read, since even off the server's
   * thread a 56 MB frame takes seconds of JSON parsing.
   */
  maxMessageBytes: 16 * 1024 * 1024,
} as const;

export interface StudioServerOptions {
  rendererDir: string;
  token: string;
  router: Router;
  supervisor: EngineSupervisor;
  port?: number;
}

export interface StudioServer {
  server: Server;
  port: number;
  url: string;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

function refuse(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
  response.end(message);
}

/**
 * Browser mode: serves the built renderer on 127.0.0.1 and bridges the typed API over a
 * WebSocket. Only this machine can connect, only with the per-run token, and only from our
 * own origin (a foreign page or a rebinding DNS name is refused).
 */
export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const { token, router, supervisor } = options;
  let port = 0;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!hostIsAllowed(request, port)) return refuse(response, 421, 'unknown host');
    if (!originIsAllowed(request, port, false)) return refuse(response, 403, 'foreign origin');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'method not allowed');
    if (!tokenIsValid(requestToken(request, url), token)) return refuse(response, 401, 'missing or wrong token');
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      'content-security-policy': contentSecurityPolicy(url.pathname),
    };
    if (url.searchParams.has('token')) {
      headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
    }
    void serveFile(options.rendererDir, url.pathname, response, headers);
  });

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: SERVER_LIMITS.maxMessageBytes,
    skipUTF8Validation: true,
  });

  server.on('upgrade', (request: IncomingMessage, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === '/ws' &&
      hostIsAllowed(request, port) &&
      originIsAllowed(request, port, true) &&
      tokenIsValid(requestToken(request, url), token);
    if (!allowed) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  const send = (ws: WebSocket, message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(encodeWire(message));
  };

  const decoder = new FrameDecoder();
  decoder.warm();

  const dispatch = (ws: WebSocket, frame: DecodedFrame) => {
    if (frame.kind === 'error') return send(ws, { kind: 'error', message: frame.message });
    if (frame.kind === 'refused') return send(ws, { kind: 'reply', id: frame.id, envelope: frame.envelope });
    const { id, channel, payload } = frame.message;
    void router(channel, payload).then((envelope) => send(ws, { kind: 'reply', id, envelope }));
  };

  sockets.on('connection', (ws: WebSocket) => {
    // Frames are decoded as they arrive (big ones on the decoder's thread) and routed in the
    // order they came, so a client's upload chunks never overtake each other.
    let order: Promise<void> = Promise.resolve();
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send(ws, { kind: 'error', message: 'binary messages are not accepted' });
      const bytes = Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : new Uint8Array(data);
      const decoding = decoder.decode(bytes);
      order = order.then(async () => dispatch(ws, await decoding));
    });
    ws.on('error', () => ws.terminate());
  });

  const broadcast = (message: ServerMessage) => {
    for (const ws of sockets.clients) send(ws, message);
  };
  const offStatus = supervisor.onStatus((status) =>
    broadcast({ kind: 'event', name: 'engine:status', payload: status }),
  );
  const offEvents = supervisor.onEvent((name, payload) => broadcast({ kind: 'event', name, payload }));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    server,
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      offStatus();
      offEvents();
      for (const ws of sockets.clients) ws.terminate();
      sockets.close();
      await decoder.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

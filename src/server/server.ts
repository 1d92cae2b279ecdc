import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { encodeWire } from '../shared/contract/wire';
import { toErrorInfo } from '../shared/contract/envelope';
import { callerScope, type Caller } from '../host/caller';
import type { Router } from '../host/router';
import type { EngineSupervisor } from '../host/supervisor';
import { contentSecurityPolicyFor } from '../shared/csp';
import {
  hostIsAllowed,
  originIsAllowed,
  pageCookieHeader,
  pageRequestIsAuthorized,
  socketRequestIsAuthorized,
} from './security';
import { serveFile } from './static-files';
import { WS_SUBPROTOCOL, type ServerMessage } from '../shared/contract/ws-protocol';
import type { DecodedFrame } from './frame-decode';
import { FrameDecoder } from './frame-decoder';
import { ClientFlow, type ClientFlowState } from './client-flow';
import { ConnectionGuard } from './connection-guard';

export const SERVER_LIMITS = {
  /**
   * Largest WebSocket message accepted: an upload chunk (8 MiB, about 11 MiB as base64) and
   * its envelope. Anything bigger is refused before it is read, since even off the server's
   * thread a 56 MB frame takes seconds of JSON parsing.
   */
  maxMessageBytes: 16 * 1024 * 1024,
  /**
   * Connections that have not shown the token, held at once: far below any descriptor limit
   * (Node raises its soft limit to the hard one; 256 is the lowest default we know, macOS's),
   * and far above the six a browser opens per host.
   */
  maxUnauthenticatedSockets: 128,
  /** How long a connection may stay without showing the token: a page sends it at once. */
  unauthenticatedMs: 10_000,
  /** Studio WebSockets at once (one per open tab of the studio). */
  maxClients: 32,
  /**
   * Requests of one client answered at once. The studio's page has a few at a time (more wait,
   * unrefused); a flooding client then holds the engine's queue to this many, so others' requests
   * wait behind at most this many of its own.
   */
  maxRequestsInFlight: 16,
  /** Unsent bytes for one client past which its socket is not read. */
  pauseReadingAtBufferedBytes: 4 * 1024 * 1024,
  /** Unsent bytes past which a client that reads nothing, not even its events, is dropped. */
  dropClientAtBufferedBytes: 64 * 1024 * 1024,
};

export type ServerLimits = typeof SERVER_LIMITS;

export const SERVER_ERRORS = {
  tooManyClients: 'too many studio connections: close another tab of the studio',
} as const;

export interface StudioServerOptions {
  rendererDir: string;
  token: string;
  router: Router;
  supervisor: EngineSupervisor;
  port?: number;
  /** Lower or higher limits than SERVER_LIMITS (tests). */
  limits?: Partial<ServerLimits>;
}

export interface ConnectionsState {
  /** Connections that have not shown the token yet. */
  unauthenticated: number;
  /** Connections dropped for the cap or the deadline on those. */
  dropped: number;
  clients: ClientFlowState[];
}

export interface StudioServer {
  server: Server;
  port: number;
  url: string;
  /** Where flow control stands (tests and benches read it). */
  connections(): ConnectionsState;
  close(): Promise<void>;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

/** A refused request also ends its connection: a stranger's socket is not kept open. */
function refuse(response: ServerResponse, status: number, message: string) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: 'close', ...SECURITY_HEADERS });
  response.end(message);
}

function refuseUpgrade(socket: Socket, status: string) {
  socket.once('finish', () => socket.destroy());
  socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * Browser mode: serves the built renderer on 127.0.0.1 and bridges the typed API over a
 * WebSocket. Only this machine can connect, only with the per-run token, and only from our
 * own origin (a foreign page or a rebinding DNS name is refused). Connections without the
 * token are capped and short-lived (ConnectionGuard); each client's requests and unsent
 * replies are bounded (ClientFlow).
 */
export async function startStudioServer(options: StudioServerOptions): Promise<StudioServer> {
  const { token, router, supervisor } = options;
  const limits: ServerLimits = { ...SERVER_LIMITS, ...options.limits };
  const guard = new ConnectionGuard(limits);
  const flows = new Map<WebSocket, ClientFlow>();
  let port = 0;

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (!hostIsAllowed(request, port)) return refuse(response, 421, 'unknown host');
    if (!originIsAllowed(request, port, false)) return refuse(response, 403, 'foreign origin');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'method not allowed');
    if (!pageRequestIsAuthorized(request, url, token, port)) return refuse(response, 401, 'missing or wrong token');
    guard.trust(request.socket);
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      // The page's own policy (the trainer page's allows WebAssembly).
      'content-security-policy': contentSecurityPolicyFor(url.pathname),
    };
    if (url.searchParams.has('token')) headers['set-cookie'] = pageCookieHeader(token, port);
    void serveFile(options.rendererDir, url.pathname, response, headers);
  });
  server.on('connection', (socket: Socket) => guard.admit(socket));

  const sockets = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxMessageBytes,
    skipUTF8Validation: true,
    handleProtocols: (offered) => (offered.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  });

  server.on('upgrade', (request: IncomingMessage, socket: Socket, head) => {
    // The HTTP server stops watching an upgraded socket's errors: a reset must not go unhandled.
    socket.on('error', () => socket.destroy());
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const allowed =
      url.pathname === '/ws' &&
      hostIsAllowed(request, port) &&
      originIsAllowed(request, port, true) &&
      socketRequestIsAuthorized(request, token);
    if (!allowed) return refuseUpgrade(socket, '403 Forbidden');
    if (sockets.clients.size >= limits.maxClients) return refuseUpgrade(socket, `503 ${SERVER_ERRORS.tooManyClients}`);
    guard.trust(socket);
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
  });

  /**
   * Queues a message. A request ends here (its reply is queued); whether more are taken then
   * depends on how much is still unsent, so each write's completion looks again.
   */
  const send = (ws: WebSocket, message: ServerMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    ws.send(encodeWire(message), () => flows.get(ws)?.pump());
  };

  const decoder = new FrameDecoder();
  decoder.warm();

  /** Routes one decoded frame and resolves once its answer is queued. */
  const dispatch = async (ws: WebSocket, frame: DecodedFrame, caller: Caller): Promise<void> => {
    if (frame.kind === 'error') return send(ws, { kind: 'error', message: frame.message });
    if (frame.kind === 'refused') return send(ws, { kind: 'reply', id: frame.id, envelope: frame.envelope });
    const { id, channel, payload } = frame.message;
    const envelope = await router(channel, payload, caller).catch((error: unknown) => ({
      ok: false as const,
      error: toErrorInfo(error),
    }));
    return send(ws, { kind: 'reply', id, envelope });
  };

  sockets.on('connection', (ws: WebSocket) => {
    const scope = callerScope();
    // Frames are decoded as they are taken (big ones on the decoder's thread) and routed in the
    // order they came, so a client's upload chunks never overtake each other; several are
    // answered at once, up to the flow's cap.
    let order: Promise<void> = Promise.resolve();
    const flow = new ClientFlow(ws, limits, (frame) => {
      const decoding = decoder.decode(frame);
      const routed = order.then(() => decoding).then((decoded) => ({ answered: dispatch(ws, decoded, scope.caller) }));
      order = routed.then(() => undefined);
      return routed.then(({ answered }) => answered);
    });
    flows.set(ws, flow);
    ws.on('message', (data, isBinary) => {
      if (isBinary) return send(ws, { kind: 'error', message: 'binary messages are not accepted' });
      flow.receive(Array.isArray(data) ? Buffer.concat(data) : Buffer.isBuffer(data) ? data : new Uint8Array(data));
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      flows.delete(ws);
      scope.end();
    });
  });

  const broadcast = (message: ServerMessage) => {
    for (const ws of sockets.clients) {
      // A client that reads nothing, not even its events, would hold them all in memory.
      if (ws.bufferedAmount >= limits.dropClientAtBufferedBytes) ws.terminate();
      else send(ws, message);
    }
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
    connections: () => ({
      unauthenticated: guard.unauthenticated,
      dropped: guard.dropped,
      clients: [...flows.values()].map((flow) => flow.state()),
    }),
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

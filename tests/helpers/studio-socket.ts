import type { ChildProcess } from 'node:child_process';
import { request as httpRequest, type Agent, type IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import { decodeWire, encodeWire } from '../../src/shared/contract/wire';
import type { Envelope } from '../../src/shared/contract/envelope';
import { wsProtocols, type ServerMessage } from '../../src/shared/contract/ws-protocol';

/** A studio server in a process of its own, and where to reach it. */
export interface SpawnedServer {
  /** The server's own process (a shell that lowered its limits execs into it). */
  child: ChildProcess;
  port: number;
  token: string;
}

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One GET to the studio server on 127.0.0.1, body read whole. */
export function get(
  port: number,
  path: string,
  headers: Record<string, string> = {},
  agent?: Agent,
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

export interface SocketOptions {
  origin?: string;
  /** The token offered with the handshake; none when undefined. */
  token?: string;
  headers?: Record<string, string>;
}

/** A WebSocket to the studio server as its page opens one; rejects with the status when refused. */
export function openSocket(port: number, options: SocketOptions = {}): Promise<WebSocket> {
  const protocols = options.token === undefined ? [] : wsProtocols(options.token);
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/ws`, protocols, {
      ...(options.origin ? { origin: options.origin } : {}),
      headers: options.headers,
    });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

export function nextMessage(ws: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(decodeWire(data.toString()) as ServerMessage)));
}

/** Sends one request and resolves with the envelope of the reply carrying its id. */
export function call(ws: WebSocket, id: number, channel: string, payload: unknown): Promise<Envelope<unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = decodeWire(data.toString()) as ServerMessage;
      if (message.kind !== 'reply' || message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.envelope);
    };
    ws.on('message', onMessage);
    ws.send(encodeWire({ id, channel, payload }));
  });
}

import type { Envelope } from './envelope';

/** The subprotocol the server answers a handshake with. */
export const WS_SUBPROTOCOL = 'latentdraw.v1';
const TOKEN_SUBPROTOCOL_PREFIX = 'latentdraw.token.';

/**
 * The subprotocols a page offers when it opens the socket: the studio's own, and the per-run
 * token as a second one. The token travels in this header, never in a cookie (which every
 * server on 127.0.0.1 receives) nor in the socket's URL; the page reads it from its own address.
 */
export function wsProtocols(token: string): string[] {
  return [WS_SUBPROTOCOL, `${TOKEN_SUBPROTOCOL_PREFIX}${token}`];
}

/** The token among the offered subprotocols, if any. */
export function tokenFromProtocols(offered: Iterable<string>): string | undefined {
  for (const protocol of offered) {
    if (protocol.startsWith(TOKEN_SUBPROTOCOL_PREFIX)) return protocol.slice(TOKEN_SUBPROTOCOL_PREFIX.length);
  }
  return undefined;
}

/** Messages of the WebSocket bridge; the renderer's web transport speaks the same. */
export type ClientMessage = { id: number; channel: string; payload: unknown };

export type ServerMessage =
  | { kind: 'reply'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; name: string; payload: unknown }
  | { kind: 'error'; message: string };

export function parseClientMessage(value: unknown): ClientMessage | { error: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { error: 'message must be an object' };
  const { id, channel, payload } = value as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0)
    return { error: 'message id must be a non-negative integer' };
  if (typeof channel !== 'string' || channel.length > 100) return { error: 'message channel must be a short string' };
  return { id, channel, payload };
}

import type { Envelope } from './envelope';

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

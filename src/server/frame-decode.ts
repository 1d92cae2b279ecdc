import { channels, isChannelName, SchemaError } from '../shared/contract/index';
import { toErrorInfo, type Envelope } from '../shared/contract/envelope';
import { decodeWire } from '../shared/contract/wire';
import { parseClientMessage, type ClientMessage } from '../shared/contract/ws-protocol';

/** What decoding one text frame gives: a message to route, or why it cannot be. */
export type DecodedFrame =
  | { kind: 'message'; message: ClientMessage }
  /** The payload fails its channel's schema: answered without routing. */
  | { kind: 'refused'; id: number; envelope: Envelope<unknown> }
  /** Not a message at all (no id to answer). */
  | { kind: 'error'; message: string };

export const FRAME_ERRORS = { notJson: 'message is not valid JSON' } as const;

/**
 * Decodes a frame and checks it against its channel's schema, as the router will again. Run
 * off the server's thread for big frames, so that one huge payload, valid or not, never
 * stalls the replies to everyone else; only a payload that passes comes back.
 */
export function decodeFrame(text: string): DecodedFrame {
  let decoded: unknown;
  try {
    decoded = decodeWire(text);
  } catch {
    return { kind: 'error', message: FRAME_ERRORS.notJson };
  }
  const parsed = parseClientMessage(decoded);
  if ('error' in parsed) return { kind: 'error', message: parsed.error };
  // An unknown channel is the router's to answer; its payload is not worth sending on.
  if (!isChannelName(parsed.channel)) return { kind: 'message', message: { ...parsed, payload: undefined } };
  try {
    channels[parsed.channel].request.parse(parsed.payload);
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    return { kind: 'refused', id: parsed.id, envelope: { ok: false, error: toErrorInfo(error, 'invalid-request') } };
  }
  return { kind: 'message', message: parsed };
}

/** The buffers of the typed arrays in a decoded value: moved, not copied, between threads. */
export function transferables(value: unknown, out: ArrayBuffer[] = [], depth = 0): ArrayBuffer[] {
  if (depth > 16 || typeof value !== 'object' || value === null) return out;
  if (ArrayBuffer.isView(value)) {
    const buffer = value.buffer;
    if (buffer instanceof ArrayBuffer && !out.includes(buffer)) out.push(buffer);
    return out;
  }
  for (const item of Array.isArray(value) ? value : Object.values(value)) transferables(item, out, depth + 1);
  return out;
}

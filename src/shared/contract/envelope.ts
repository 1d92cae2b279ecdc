/**
 * Every reply crosses a boundary as an envelope, so an error arrives with its own message and
 * code instead of the transport's wrapping ("Error invoking remote method ...").
 */
/** Prefix of events pushed to the Electron window, so they never share a name with a request channel. */
export const EVENT_PREFIX = 'event:';

export interface ErrorInfo {
  message: string;
  /** A stable code the UI may branch on (e.g. 'invalid-request', 'engine-restarted'). */
  code: string;
  /** Where it happened, e.g. a file and a byte offset. */
  detail?: string;
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class StudioError extends Error {
  readonly code: string;
  readonly detail?: string;
  constructor(info: ErrorInfo) {
    super(info.message);
    this.name = 'StudioError';
    this.code = info.code;
    this.detail = info.detail;
  }
}

export function toErrorInfo(error: unknown, fallbackCode = 'failed'): ErrorInfo {
  if (error instanceof StudioError) return { message: error.message, code: error.code, detail: error.detail };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { message: error.message, code: typeof code === 'string' ? code : fallbackCode };
  }
  return { message: String(error), code: fallbackCode };
}

export function unwrap<T>(envelope: Envelope<T>): T {
  if (envelope.ok) return envelope.value;
  throw new StudioError(envelope.error);
}

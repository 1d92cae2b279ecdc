import type { Infer, Schema } from './schema';

/** Who answers a channel: the engine process, or the host process (Electron main / web server). */
export type Handler = 'engine' | 'host';

export interface ChannelSpec<Req, Res, H extends Handler = Handler> {
  handler: H;
  request: Schema<Req>;
  /** Phantom: only carries the response type. */
  response: Schema<Res>;
}

export function channel<const H extends Handler, Req, Res>(
  handler: H,
  request: Schema<Req>,
  response: Schema<Res>,
): ChannelSpec<Req, Res, H> {
  return { handler, request, response };
}

export type RequestOf<C> = C extends ChannelSpec<infer Req, unknown, Handler> ? Req : never;
export type ResponseOf<C> = C extends ChannelSpec<unknown, infer Res, Handler> ? Res : never;
export type PayloadOf<S> = Infer<S>;

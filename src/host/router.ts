import { channels, isChannelName, isEngineChannel, SchemaError } from '../shared/contract/index';
import type { HostChannelName, Request, Response } from '../shared/contract/index';
import { toErrorInfo, type Envelope } from '../shared/contract/envelope';
import type { Caller } from './caller';
import type { EngineSupervisor } from './supervisor';

export const ROUTER_ERRORS = {
  unknownChannel: (name: string) => `unknown channel "${name.slice(0, 80)}"`,
} as const;

/** `caller` is given where the host can tell when the asker goes away (browser mode's sockets). */
export type HostHandlers = {
  [C in HostChannelName]: (request: Request<C>, caller?: Caller) => Promise<Response<C>>;
};

/**
 * The one gate every request passes, from IPC or from the WebSocket: the channel must exist,
 * the payload must match its schema, and only then is it answered here or forwarded to the
 * engine. Callers check who is asking (sender, token, origin) before calling `handle`.
 */
export function createRouter(supervisor: EngineSupervisor, hostHandlers: HostHandlers) {
  return async function handle(channel: unknown, payload: unknown, caller?: Caller): Promise<Envelope<unknown>> {
    if (!isChannelName(channel)) {
      return { ok: false, error: { message: ROUTER_ERRORS.unknownChannel(String(channel)), code: 'unknown-channel' } };
    }
    let request: unknown;
    try {
      request = channels[channel].request.parse(payload);
    } catch (error) {
      if (error instanceof SchemaError) return { ok: false, error: toErrorInfo(error, 'invalid-request') };
      throw error;
    }
    if (isEngineChannel(channel)) return supervisor.request(channel, request);
    try {
      const handler = hostHandlers[channel] as (request: unknown, caller?: Caller) => Promise<unknown>;
      return { ok: true, value: await handler(request, caller) };
    } catch (error) {
      return { ok: false, error: toErrorInfo(error) };
    }
  };
}

export type Router = ReturnType<typeof createRouter>;

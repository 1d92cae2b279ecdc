import type { EngineChannelName, Request, Response } from '../../shared/contract/index';
import type { EngineConfig } from '../../shared/engine-protocol';
import type { BackendReport } from '../../shared/types/backend';
import type { Emit } from '../engine';
import { appHandlers } from './app';

export interface EngineContext {
  config: EngineConfig;
  backend: BackendReport;
  emit: Emit;
}

export type EngineHandlers = {
  [C in EngineChannelName]: (request: Request<C>) => Promise<Response<C>>;
};

/** Every engine channel must have exactly one handler: the type makes a missing one an error. */
export async function createHandlers(context: EngineContext): Promise<EngineHandlers> {
  return {
    ...appHandlers(context),
  };
}

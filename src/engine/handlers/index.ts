import type { EngineChannelName, Request, Response } from '../../shared/contract/index';
import type { EngineConfig } from '../../shared/engine-protocol';
import type { BackendReport } from '../../shared/types/backend';
import type { Emit } from '../engine';
import type { LoadedModels } from '../runtime/loaded-models';
import type { TrainerProvider } from '../train/trainers';
import { appHandlers } from './app';
import { modelsHandlers } from './models';
import { latentHandlers } from './latent';
import { conceptsHandlers } from './concepts';
import { datasetsHandlers } from './datasets';
import { trainingHandlers } from './training';
import { drawingsHandlers } from './drawings';
import { exploreHandlers } from './explore';

export interface EngineContext {
  config: EngineConfig;
  backend: BackendReport;
  emit: Emit;
  /** Models in memory, shared by every feature's handlers. */
  models: LoadedModels;
  /** Where training runs go (threads, or a trainer window in the desktop app). */
  trainers: TrainerProvider;
}

export type EngineHandlers = {
  [C in EngineChannelName]: (request: Request<C>) => Promise<Response<C>>;
};

/** Every engine channel must have exactly one handler: the type makes a missing one an error. */
export async function createHandlers(context: EngineContext): Promise<EngineHandlers> {
  return {
    ...appHandlers(context),
    ...modelsHandlers(context),
    ...latentHandlers(context),
    ...conceptsHandlers(context),
    ...datasetsHandlers(context),
    ...trainingHandlers(context),
    ...drawingsHandlers(context),
    ...exploreHandlers(context),
  };
}

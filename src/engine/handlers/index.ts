import type { EngineChannelName, Request, Response } from '../../shared/contract/index';
import type { EngineContext } from '../context';
import { appHandlers } from './app';
import { modelsHandlers } from './models';
import { latentHandlers } from './latent';
import { conceptsHandlers } from './concepts';
import { datasetsHandlers } from './datasets';
import { trainingHandlers } from './training';
import { drawingsHandlers } from './drawings';
import { exploreHandlers } from './explore';

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

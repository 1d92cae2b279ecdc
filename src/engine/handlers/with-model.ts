import type { LoadedModel } from '../models/index';
import type { LoadedModels } from '../runtime/loaded-models';

/**
 * Wraps the answer to a request that computes with model `req.modelId`: the model is held
 * until the answer is ready (see LoadedModels.use), so no eviction disposes it midway.
 */
export const modelHandlers =
  (models: LoadedModels) =>
  <R extends { modelId: string }, T>(answer: (req: R, loaded: LoadedModel) => Promise<T>) =>
  (req: R): Promise<T> =>
    models.use(req.modelId, (loaded) => answer(req, loaded));

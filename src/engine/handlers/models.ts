import { listModels } from '../catalog/list-models';
import type { EngineContext } from '../context';

export function modelsHandlers(context: EngineContext) {
  return {
    'models:list': async () => {
      const { shipped, user } = context.models.roots;
      return { models: await listModels(shipped, user), backend: context.backend.backend };
    },
  };
}

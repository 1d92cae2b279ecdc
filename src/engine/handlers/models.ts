import type { EngineContext } from './index';

export function modelsHandlers(_context: EngineContext) {
  return {};
}

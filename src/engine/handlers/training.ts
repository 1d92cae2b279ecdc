import type { EngineContext } from './index';

export function trainingHandlers(_context: EngineContext) {
  return {};
}

import type { EngineContext } from './index';

export function latentHandlers(_context: EngineContext) {
  return {};
}

import type { EngineContext } from './index';

export function conceptsHandlers(_context: EngineContext) {
  return {};
}

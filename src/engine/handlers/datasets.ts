import type { EngineContext } from './index';

export function datasetsHandlers(_context: EngineContext) {
  return {};
}

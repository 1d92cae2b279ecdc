import type { EngineContext } from './index';

export function drawingsHandlers(_context: EngineContext) {
  return {};
}

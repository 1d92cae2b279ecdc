import type { EngineContext } from './index';

export function appHandlers(context: EngineContext) {
  return {
    'engine:ping': async ({ nonce }: { nonce: number }) => ({ nonce, backend: context.backend.backend }),
  };
}

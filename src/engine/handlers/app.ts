import type { EngineContext } from '../context';

export function appHandlers(context: EngineContext) {
  return {
    'engine:ping': async ({ nonce }: { nonce: number }) => ({ nonce, backend: context.backend.backend }),
  };
}

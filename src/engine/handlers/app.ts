import type { Request } from '../../shared/contract/index';
import type { EngineContext } from '../context';

export function appHandlers(context: EngineContext) {
  return {
    'engine:ping': async ({ nonce }: Request<'engine:ping'>) => ({ nonce, backend: context.backend.backend }),
  };
}

import { selectBackend, tf } from '../../src/engine/backend/select';
import type { BackendName } from '../../src/shared/types/backend';

/** Puts tfjs on one named backend for a test file (wasm and cpu exist on every machine). */
export async function useBackend(name: BackendName = 'wasm'): Promise<typeof tf> {
  await selectBackend({ only: name });
  return tf;
}

export { tf };

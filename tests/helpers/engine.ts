import { resolve } from 'node:path';
import { nodeEngineSpawner } from '../../src/host/node-engine';
import { EngineSupervisor, type SupervisorOptions } from '../../src/host/supervisor';
import type { BackendName } from '../../src/shared/types/backend';
import { tempDir } from './temp-folder';

/** The real engine process, run from source through tsx, on a fresh data folder. */
export function sourceEngineSupervisor(options: SupervisorOptions & { backend?: BackendName; dataHome?: string } = {}) {
  const dataHome = options.dataHome ?? tempDir('test');
  const supervisor = new EngineSupervisor(
    nodeEngineSpawner(resolve('src/engine/host.ts'), ['--import', 'tsx']),
    { dataHome, resourcesDir: resolve('resources'), backend: options.backend ?? 'wasm' },
    options,
  );
  return { supervisor, dataHome };
}

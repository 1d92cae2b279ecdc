import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { nodeEngineSpawner } from '../../src/host/node-engine';
import { EngineSupervisor, type SupervisorOptions } from '../../src/host/supervisor';
import type { BackendName } from '../../src/shared/types/backend';

/** The real engine process, run from source through tsx, on a fresh data folder. */
export function sourceEngineSupervisor(options: SupervisorOptions & { backend?: BackendName; dataHome?: string } = {}) {
  const dataHome = options.dataHome ?? mkdtempSync(join(tmpdir(), 'latentdraw-test-'));
  const supervisor = new EngineSupervisor(
    nodeEngineSpawner(resolve('src/engine/host.ts'), ['--import', 'tsx']),
    { dataHome, resourcesDir: resolve('resources'), backend: options.backend ?? 'wasm' },
    options,
  );
  return { supervisor, dataHome };
}

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { BACKEND_ERRORS } from '../../../src/engine/backend/select';
import { startEngine } from '../../../src/engine/engine';
import { tempDir } from '../../helpers/temp-folder';

const home = tempDir('installed-app');
afterAll(() => rmSync(home, { recursive: true, force: true }));

const NATIVE = { 'tensorflow-gpu': '@tensorflow/tfjs-node-gpu', tensorflow: '@tensorflow/tfjs-node' } as const;

async function nativeStatuses(installedApp: boolean) {
  const engine = await startEngine({ dataHome: home, resourcesDir: join(home, 'none'), installedApp }, () => {});
  return engine.backend.statuses.filter((s) => s.name === 'tensorflow-gpu' || s.name === 'tensorflow');
}

describe('the backend report of the installed app', () => {
  test('says native TensorFlow is left out of the installed app on purpose, not that a download failed', async () => {
    const statuses = await nativeStatuses(true);
    expect(statuses).toEqual([
      { name: 'tensorflow-gpu', available: false, reason: BACKEND_ERRORS.notInInstalledApp(NATIVE['tensorflow-gpu']) },
      { name: 'tensorflow', available: false, reason: BACKEND_ERRORS.notInInstalledApp(NATIVE.tensorflow) },
    ]);
    for (const status of statuses) {
      expect(status.reason).toContain('not part of the installed app');
      expect(status.reason).toContain('the CLI from a checkout can use it');
      expect(status.reason).not.toMatch(/download|reachable/);
    }
  });

  test('a checkout still looks for the packages and says what it found', async () => {
    for (const status of await nativeStatuses(false)) {
      const pkg = NATIVE[status.name as keyof typeof NATIVE];
      expect(status.reason ?? '').not.toBe(BACKEND_ERRORS.notInInstalledApp(pkg));
      if (!status.available)
        expect(status.reason).toMatch(new RegExp(`^${pkg.replace('/', '\\/')} is (not )?installed`));
    }
  });
});

import { fork } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetStore } from '../../../src/engine/data/store/dataset-store';
import { importFiles } from '../../../src/engine/data/store/import';
import { fingerprint } from '../../helpers/fingerprint';
import { sharedData } from '../../helpers/shared-data';
import { tempFolder } from '../../helpers/temp-folder';

// Needs ../shared/data.
const tmp = tempFolder('leftovers');
afterAll(() => tmp.remove());

const npy = sharedData('quickdraw/numpy-bitmap/fish.first3000.npy');
const cat = sharedData('quickdraw/simplified-ndjson/cat.ndjson');

/** Starts an import in another process and SIGKILLs it once it is writing. */
async function killedImport(root: string): Promise<void> {
  const child = fork(resolve('tests/fixtures/importer.ts'), [root, npy, npy, npy, npy, npy, npy], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  await new Promise<void>((ok) => child.once('message', () => ok()));
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGKILL');
  await exited;
}

describe('what killed imports leave behind', () => {
  it('is removed by the next listing or import; finished datasets are untouched', async () => {
    const root = join(tmp.dir, 'datasets');
    const store = new DatasetStore(root);
    const kept = await importFiles(store, [cat]);
    const id = kept.dataset?.id ?? '';
    const before = fingerprint(store.folder(id));
    const temps = () => readdirSync(root).filter((n) => n.startsWith('.import-'));
    await killedImport(root);
    const first = temps();
    expect(first).toHaveLength(1);
    // The next import removes the first one's leftovers before it starts (and is killed too).
    await killedImport(root);
    expect(temps()).toHaveLength(1);
    expect(temps()).not.toEqual(first);
    // Left by an earlier version (no PID in the name) and by a delete cut short.
    mkdirSync(join(root, '.import-ds-old1-abcd'));
    writeFileSync(join(root, '.import-ds-old1-abcd', 'raster28.u8'), Buffer.alloc(784));
    mkdirSync(join(root, '.trash-ds-gone-1a2b3c'));
    expect((await store.list()).map((d) => d.id)).toEqual([id]);
    expect(readdirSync(root)).toEqual([id]);
    expect(fingerprint(store.folder(id))).toEqual(before);
  }, 60_000);

  it('an import still running in another process is left alone', async () => {
    const root = join(tmp.dir, 'live');
    const store = new DatasetStore(root);
    await store.ensureRoot();
    const live = join(root, `.import-${process.ppid}-ds-live-0000`);
    mkdirSync(live);
    await store.list();
    expect(existsSync(live)).toBe(true);
  });
});

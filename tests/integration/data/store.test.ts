import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatasetStore } from '../../../src/engine/data/store/dataset-store';
import { importFiles } from '../../../src/engine/data/store/import';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import { AbortedError, DataErrors } from '../../../src/engine/data/errors';
import { sharedData } from '../../helpers/shared-data';
import { tempFolder } from '../../helpers/temp-folder';

// Needs ../shared/data.
const tmp = tempFolder('store');
afterAll(() => tmp.remove());

/** Every file under the store with its bytes, to prove nothing earlier changed. */
function snapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out[path] = readFileSync(path).toString('base64');
    }
  };
  walk(root);
  return out;
}

const bin = sharedData('quickdraw/binary/dog.truncated-8192.bin');
const dogNdjson = sharedData('quickdraw/simplified-ndjson/dog.ndjson');
const catNdjson = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
const npy = sharedData('quickdraw/numpy-bitmap/fish.first3000.npy');

describe('dataset store', () => {
  const store = new DatasetStore(join(tmp.dir, 'datasets'));

  it('imports drawings and bitmaps, de-duplicating drawings by key_id', async () => {
    const progress: number[] = [];
    const result = await importFiles(store, [bin, dogNdjson, catNdjson], {
      datasetName: 'dogs and cats',
      onProgress: (p) => progress.push(p.read),
    });
    expect(result.files.map((f) => [f.format, f.read, f.added, f.duplicates])).toEqual([
      ['quickdraw-bin', 49, 49, 0],
      ['quickdraw-ndjson-simplified', 25, 0, 25],
      ['quickdraw-ndjson-simplified', 25, 25, 0],
    ]);
    expect(result.files[0].problems).toHaveLength(1); // the cut-off 50th drawing
    const d = result.dataset;
    expect(d).not.toBeNull();
    expect(d).toMatchObject({
      name: 'dogs and cats',
      count: 74,
      strokeCount: 74,
      categories: ['dog', 'cat'],
      categoryCounts: [49, 25],
    });
    expect(d?.countries.US).toBeGreaterThan(0);
    expect(progress.length).toBeGreaterThan(0);
    expect((await store.list()).map((m) => m.id)).toEqual([d?.id]);
  });

  it('keeps bitmaps and labels them by file name, with a preview grid', async () => {
    const result = await importFiles(store, [npy], { limit: 100 });
    expect(result.dataset).toMatchObject({ count: 100, strokeCount: 0, categories: ['fish'] });
    const preview = await store.preview(result.dataset?.id ?? '', 4);
    expect(preview).toHaveLength(4);
    expect(preview[0].category).toBe('fish');
    expect(preview[0].pixels).toHaveLength(784);
    const original = readFileSync(npy).subarray(128, 128 + 784);
    expect(Array.from(preview[0].pixels)).toEqual(Array.from(original));
  });

  it('a failing import leaves every earlier dataset byte-identical and lists nothing new', async () => {
    const before = snapshot(store.root);
    const listed = (await store.list()).length;
    const controller = new AbortController();
    const importing = importFiles(store, [bin, catNdjson, npy], {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.fileIndex === 1) controller.abort();
      },
    });
    await expect(importing).rejects.toBeInstanceOf(AbortedError);
    expect(snapshot(store.root)).toEqual(before);
    expect((await store.list()).length).toBe(listed);
    expect(readdirSync(store.root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('a write failure mid-import is cleaned up too', async () => {
    const before = snapshot(store.root);
    const importing = importFiles(store, [bin], {
      onProgress: () => {
        throw new Error('disk full (simulated)');
      },
    });
    await expect(importing).rejects.toThrow('disk full');
    expect(snapshot(store.root)).toEqual(before);
  });

  it('unreadable files are reported per file; nothing readable means no dataset', async () => {
    const junk = tmp.file('junk.txt', 'hello\n');
    const result = await importFiles(store, [junk]);
    expect(result.dataset).toBeNull();
    expect(result.files[0].format).toBe('unreadable');
    expect(result.files[0].problems[0].message).toContain(DataErrors.unknownFormat);
  });

  it('renames and deletes atomically', async () => {
    const [first, second] = await store.list();
    const renamed = await store.rename(first.id, '  my dogs  ');
    expect(renamed.name).toBe('my dogs');
    expect((await store.get(first.id)).name).toBe('my dogs');
    await expect(store.rename(first.id, ' ')).rejects.toThrow(DataErrors.datasetNameEmpty);
    await store.delete(second.id);
    expect((await store.list()).map((d) => d.id)).toEqual([first.id]);
    await expect(store.get(second.id)).rejects.toThrow(DataErrors.datasetNotFound(second.id));
    expect(readdirSync(store.root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('loads training data from a dataset with a reproducible split, in both recipes', async () => {
    const [dataset] = await store.list();
    const a = await loadTrainingData(dataset.id, 'quickdraw28', { store, seed: 5 });
    const b = await loadTrainingData(dataset.id, 'quickdraw28', { store, seed: 5 });
    const c = await loadTrainingData(dataset.id, 'cookbook32', { store, seed: 6, validationShare: 0.2 });
    expect(a.count).toBe(74);
    expect(a.images).toHaveLength(74 * 784);
    expect(Array.from(a.validationIndex)).toEqual(Array.from(b.validationIndex));
    expect(a.validationIndex.length).toBe(7);
    expect(a.trainIndex.length + a.validationIndex.length).toBe(74);
    expect(c.imageSize).toBe(32);
    expect(c.images).toHaveLength(74 * 1024);
    expect(c.validationIndex.length).toBe(15);
    expect(Array.from(c.validationIndex)).not.toEqual(Array.from(a.validationIndex));
    expect(a.classNames).toEqual(['dog', 'cat']);
    expect(a.labels[73]).toBe(1);
    // The stored raster is the quickdraw28 rendering of the stored strokes.
    const fromFile = await loadTrainingData(bin, 'quickdraw28', { limit: 1 });
    expect(Array.from(a.images.subarray(0, 784))).toEqual(Array.from(fromFile.images.subarray(0, 784)));
  });

  it('a manifest that cannot be read is not listed', async () => {
    const [dataset] = await store.list();
    const path = store.file(dataset.id, 'manifest');
    const saved = readFileSync(path);
    writeFileSync(path, '{broken');
    expect(await store.list()).toEqual([]);
    writeFileSync(path, saved);
    expect(await store.list()).toHaveLength(1);
  });
});

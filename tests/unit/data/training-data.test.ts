import { describe, expect, it } from 'vitest';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import { DataErrors } from '../../../src/engine/data/errors';
import { splitIndexes } from '../../../src/engine/data/split';
import { siblingLabelsPath, categoryFromFileName } from '../../../src/engine/data/labels';
import { DatasetStore } from '../../../src/engine/data/store/dataset-store';
import { sharedData } from '../../helpers/shared-data';

// Needs ../shared/data.
describe('loadTrainingData from files', () => {
  it('MNIST t10k IDX with its sibling labels found automatically', async () => {
    const path = sharedData('mnist/t10k-images-idx3-ubyte.gz');
    expect(siblingLabelsPath(path)).toBe(sharedData('mnist/t10k-labels-idx1-ubyte.gz'));
    const data = await loadTrainingData(path, 'quickdraw28');
    expect(data).toMatchObject({ recipe: 'quickdraw28', imageSize: 28, count: 10000, source: path });
    expect(data.images).toHaveLength(10000 * 784);
    expect(data.classNames).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    const counts = new Array<number>(10).fill(0);
    for (const l of data.labels) counts[l]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    expect(data.validationIndex.length).toBe(1000);
    expect(data.trainIndex.length).toBe(9000);
    // Bytes, as the file holds them: 0 = background, 255 = full ink.
    expect(data.images).toBeInstanceOf(Uint8Array);
    expect(Math.max(...data.images.subarray(0, 784))).toBe(255);
  });

  it('MNIST for cookbook32 is padded to 32×32, same ink', async () => {
    const path = sharedData('mnist/t10k-images-idx3-ubyte.gz');
    const a = await loadTrainingData(path, 'quickdraw28', { limit: 3 });
    const b = await loadTrainingData(path, 'cookbook32', { limit: 3 });
    expect(b.images).toHaveLength(3 * 1024);
    const sum = (x: Uint8Array) => x.reduce((s, v) => s + v, 0);
    expect(sum(b.images)).toBe(sum(a.images));
  });

  it('Fashion-MNIST class names come from the path', async () => {
    const data = await loadTrainingData(sharedData('fashion-mnist/t10k-images-idx3-ubyte.gz'), 'quickdraw28', {
      limit: 10,
    });
    expect(data.classNames[9]).toBe('Ankle boot');
    expect(data.count).toBe(10);
  });

  it('.npy bitmaps labelled with the category from the file name', async () => {
    const path = sharedData('quickdraw/numpy-bitmap/cat.first3000.npy');
    expect(categoryFromFileName(path)).toBe('cat');
    const data = await loadTrainingData(path, 'quickdraw28', { limit: 500, validationShare: 0.2, seed: 3 });
    expect(data).toMatchObject({ count: 500, classNames: ['cat'] });
    expect(data.validationIndex.length).toBe(100);
    expect(data.labels.every((l) => l === 0)).toBe(true);
  });

  it('.bin and .ndjson are rasterised with the recipe', async () => {
    const bin = await loadTrainingData(sharedData('quickdraw/binary/dog.truncated-8192.bin'), 'cookbook32');
    expect(bin).toMatchObject({ count: 49, imageSize: 32, classNames: ['dog'] });
    const nd = await loadTrainingData(sharedData('quickdraw/simplified-ndjson/dog.ndjson'), 'cookbook32');
    expect(Array.from(nd.images.subarray(0, 25 * 1024))).toEqual(Array.from(bin.images.subarray(0, 25 * 1024)));
  });

  it('refuses a labels file and an unknown source with clear messages', async () => {
    await expect(loadTrainingData(sharedData('mnist/t10k-labels-idx1-ubyte.gz'), 'quickdraw28')).rejects.toThrow(
      DataErrors.notImages('idx-labels'),
    );
    const store = new DatasetStore('/nonexistent/latentdraw-store');
    await expect(loadTrainingData('ds-nope', 'quickdraw28', { store })).rejects.toThrow(
      DataErrors.sourceNotFound('ds-nope'),
    );
  });
});

describe('splitIndexes', () => {
  it('is reproducible for a seed, disjoint and complete', () => {
    const a = splitIndexes(1000, 0.1, 42);
    const b = splitIndexes(1000, 0.1, 42);
    const c = splitIndexes(1000, 0.1, 43);
    expect(Array.from(a.validationIndex)).toEqual(Array.from(b.validationIndex));
    expect(Array.from(a.validationIndex)).not.toEqual(Array.from(c.validationIndex));
    const all = new Set([...a.trainIndex, ...a.validationIndex]);
    expect(all.size).toBe(1000);
    expect(a.validationIndex.length).toBe(100);
  });
});

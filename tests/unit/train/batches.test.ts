/**
 * Training data is kept as bytes and becomes floats a batch at a time: the batches a model sees
 * are the floats the data used to hold (byte / 255), for every path a batch takes.
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, test } from 'vitest';
import { encodeNpy } from '../../../src/engine/data/formats/encode';
import { parseNpyHeader } from '../../../src/engine/data/formats/npy';
import { bytesToUnit } from '../../../src/engine/data/raster/pixel-bytes';
import { createRasterizer } from '../../../src/engine/data/raster/rasterize';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import { batchTensors, disposeBatch, gatherBytes, gatherImages } from '../../../src/engine/train/step/batches';
import { noisyInput } from '../../../src/engine/train/step/loss';
import { sharedData } from '../../helpers/shared-data';
import { tempFolder } from '../../helpers/temp-folder';
import { useBackend } from '../../helpers/tf';

// Needs ../shared/data.
const CATS = sharedData('quickdraw/numpy-bitmap/cat.first3000.npy');
const folder = tempFolder('batches');
afterAll(() => folder.remove());

/** The file's own rows, as bytes and as the floats the loader used to make of them (byte / 255). */
function npyRows(path: string, count: number): { bytes: Uint8Array; floats: Float32Array } {
  const file = readFileSync(path);
  const { dataOffset } = parseNpyHeader(file, path);
  const bytes = new Uint8Array(file.subarray(dataOffset, dataOffset + count * 784));
  const floats = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) floats[i] = bytes[i] / 255;
  return { bytes, floats };
}

describe('training data in bytes', () => {
  test("holds a bitmap file's bytes as they are, in one block of exactly its drawings", async () => {
    const data = await loadTrainingData(CATS, 'quickdraw28', { limit: 300 });
    expect(data.images).toBeInstanceOf(Uint8Array);
    expect(Array.from(data.images)).toEqual(Array.from(npyRows(CATS, 300).bytes));
    // Exactly sized: a view over a bigger block would cross to a trainer whole.
    expect(data.images.buffer.byteLength).toBe(300 * 784);
  });

  test('a file that declares more rows than it holds keeps exactly the rows it has', async () => {
    const { bytes } = npyRows(CATS, 5);
    const rows = Array.from({ length: 5 }, (_, i) => bytes.subarray(i * 784, (i + 1) * 784));
    const whole = encodeNpy(rows);
    const declared = Buffer.from(whole.toString('latin1').replace('(5, 784)', '(9, 784)'), 'latin1');
    const data = await loadTrainingData(folder.file('short.npy', declared), 'quickdraw28');
    expect(data.count).toBe(5);
    expect(data.images.buffer.byteLength).toBe(5 * 784);
    expect(Array.from(data.images)).toEqual(Array.from(bytes));
  });

  test('drawings rasterised with a recipe are its floats rounded to bytes', async () => {
    const path = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
    const data = await loadTrainingData(path, 'cookbook32', { limit: 3 });
    const first = JSON.parse(readFileSync(path, 'utf8').split('\n')[0]) as { drawing: number[][][] };
    const floats = createRasterizer('cookbook32').render(first.drawing.map(([x, y]) => ({ x, y })));
    const bytes = data.images.subarray(0, 1024);
    expect(Array.from(bytes)).toEqual(Array.from(floats, (v) => Math.round(v * 255)));
  });
});

describe('a batch', () => {
  test('is the chosen drawings as floats equal to byte / 255, the values the float data had', async () => {
    await useBackend('cpu');
    const data = await loadTrainingData(CATS, 'quickdraw28', { limit: 200 });
    const { floats } = npyRows(CATS, 200);
    const indexes = Int32Array.from([17, 3, 199, 0, 64]);
    const expected = new Float32Array(indexes.length * 784);
    indexes.forEach((at, i) => expected.set(floats.subarray(at * 784, (at + 1) * 784), i * 784));
    expect(gatherImages(data, indexes)).toEqual(expected);
    const batch = batchTensors(data, indexes);
    expect(batch.images.dtype).toBe('float32');
    expect(batch.images.shape).toEqual([5, 784]);
    expect(batch.images.dataSync()).toEqual(expected);
    disposeBatch(batch);
    // A helper thread is sent its half as bytes and makes the same floats of them.
    expect(bytesToUnit(gatherBytes(data, indexes))).toEqual(expected);
  });

  test("gets the denoising autoencoder's noise per batch: seeded, in [0, 1], around the clean drawing", async () => {
    const tf = await useBackend('cpu');
    const data = await loadTrainingData(CATS, 'quickdraw28', { limit: 20 });
    const batch = batchTensors(data, Int32Array.from([1, 2, 3, 4]));
    const a = noisyInput(batch.images, 7);
    const b = noisyInput(batch.images, 7);
    const noisy = a.dataSync();
    const clean = batch.images.dataSync();
    expect(Array.from(noisy)).toEqual(Array.from(b.dataSync()));
    expect(Math.min(...noisy)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...noisy)).toBeLessThanOrEqual(1);
    const changed = noisy.filter((v, i) => Math.abs(v - clean[i]) > 1e-3).length;
    expect(changed).toBeGreaterThan(noisy.length / 4);
    tf.dispose([a, b]);
    disposeBatch(batch);
  });
});

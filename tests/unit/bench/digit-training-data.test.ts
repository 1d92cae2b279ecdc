import { describe, expect, test } from 'vitest';
import { digitData } from '../../../bench/quality/fidelity/shipped-data';
import {
  mnistPackageDigits,
  styledDigits,
  withTrainingImages,
} from '../../../bench/quality/fidelity/digit-training-data';

describe('the default digit model’s training data', () => {
  test('the mnist package gives 10,000 labelled 28×28 digits as bytes, about 1,000 of each', () => {
    const { images, labels } = mnistPackageDigits();
    expect(labels.length).toBe(10_000);
    expect(images.length).toBe(10_000 * 784);
    for (let d = 0; d <= 9; d++) {
      const n = labels.filter((l) => l === d).length;
      expect(n).toBeGreaterThan(800);
      expect(n).toBeLessThan(1_200);
    }
    // Ink as MNIST has it: mostly background, a bright core.
    let ink = 0;
    for (let i = 0; i < 784; i++) ink += images[i] / 255;
    expect(ink).toBeGreaterThan(40);
    expect(ink).toBeLessThan(250);
    expect(Math.max(...images.subarray(0, 784))).toBeGreaterThan(240);
  });

  test('none of the mnist package’s digits is one of the t10k digits the benchmark holds out', async () => {
    const t10k = await digitData('resources');
    const key = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    const heldOut = new Set(Array.from(t10k.validationIndex, (i) => key(t10k.images.subarray(i * 784, (i + 1) * 784))));
    const extra = mnistPackageDigits();
    let same = 0;
    for (let i = 0; i < extra.labels.length; i++)
      if (heldOut.has(key(extra.images.subarray(i * 784, (i + 1) * 784)))) same++;
    expect(same).toBe(0);
  });

  test('styled drawings come out as digits in the mnist28 recipe, the same for the same seed', () => {
    const a = styledDigits(2, 5);
    const b = styledDigits(2, 5);
    expect(a.labels.length).toBe(20);
    expect(Array.from(a.images)).toEqual(Array.from(b.images));
    for (let i = 0; i < 20; i++) {
      let ink = 0;
      for (let p = 0; p < 784; p++) ink += a.images[i * 784 + p] / 255;
      expect(ink).toBeGreaterThan(30);
    }
  });

  test('more training images leave the held-out side as it was', async () => {
    const t10k = await digitData('resources');
    const more = styledDigits(1, 3);
    const grown = withTrainingImages(t10k, more);
    expect(grown.count).toBe(t10k.count + 10);
    expect(Array.from(grown.validationIndex)).toEqual(Array.from(t10k.validationIndex));
    expect(grown.trainIndex.length).toBe(t10k.trainIndex.length + 10);
    const last = grown.trainIndex[grown.trainIndex.length - 1];
    expect(grown.labels[last]).toBe(9);
    expect(Array.from(grown.images.subarray(last * 784, (last + 1) * 784))).toEqual(
      Array.from(more.images.subarray(9 * 784, 10 * 784)),
    );
  });
});

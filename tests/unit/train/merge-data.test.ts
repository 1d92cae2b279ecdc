import { describe, expect, it } from 'vitest';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { MERGE_ERRORS, mergeTrainingData } from '../../../src/engine/train/job/merge-data';

function part(source: string, classNames: string[], labels: number[]): TrainingData {
  const n = labels.length;
  return {
    source,
    recipe: 'quickdraw28',
    imageSize: 28,
    count: n,
    images: Uint8Array.from({ length: n * 784 }, (_, i) => Math.floor(i / 784) + source.length),
    labels: Int32Array.from(labels),
    classNames,
    trainIndex: Int32Array.from({ length: n - 1 }, (_, i) => i + 1),
    validationIndex: Int32Array.from([0]),
  };
}

describe('mergeTrainingData', () => {
  it('appends images, unites class names and keeps each split', () => {
    const m = mergeTrainingData([part('cat', ['cat'], [0, 0]), part('fishy', ['fish', 'cat'], [0, 1, 0])]);
    expect(m.count).toBe(5);
    expect(m.classNames).toEqual(['cat', 'fish']);
    expect(Array.from(m.labels)).toEqual([0, 0, 1, 0, 1]);
    expect(Array.from(m.validationIndex)).toEqual([0, 2]);
    expect(Array.from(m.trainIndex)).toEqual([1, 3, 4]);
    expect(m.images[2 * 784]).toBe(5);
  });

  it('refuses nothing and mixed recipes', () => {
    expect(() => mergeTrainingData([])).toThrow(MERGE_ERRORS.none);
    const other = { ...part('b', ['b'], [0]), recipe: 'cookbook32' as const, imageSize: 32 };
    expect(() => mergeTrainingData([part('a', ['a'], [0]), other])).toThrow(MERGE_ERRORS.mixedSize);
  });
});

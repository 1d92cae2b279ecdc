import { describe, expect, test } from 'vitest';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { splitIndexes } from '../../../src/engine/train/run/evaluate';
import type { EpochSummary } from '../../../src/engine/train/progress';
import { runConfig } from '../../../src/engine/train/run/run-training';
import { runMetadata, splitCounts } from '../../../src/engine/train/job/run-metadata';
import { resolveSettings } from '../../../src/engine/train/resolve-settings';

function data(count: number, validation: number[] = []): TrainingData {
  const all = Array.from({ length: count }, (_, i) => i);
  return {
    source: 'dataset:d1',
    recipe: 'mnist28',
    imageSize: 28,
    count,
    images: new Uint8Array(count * 28 * 28),
    labels: new Int32Array(count),
    classNames: ['0'],
    trainIndex: Int32Array.from(all.filter((i) => !validation.includes(i))),
    validationIndex: Int32Array.from(validation),
  };
}

describe('runMetadata', () => {
  test('counts the split as the trainer draws it: a share of the items, or the data’s own split', () => {
    const settings = resolveSettings({ validationShare: 0.25, seed: 3 }, 'mlp-vae');
    const drawn = splitIndexes(data(40), settings);
    expect(splitCounts(data(40), settings)).toEqual({
      trainCount: drawn.trainIndex.length,
      validationCount: drawn.validationIndex.length,
    });
    expect(splitCounts(data(40), settings)).toEqual({ trainCount: 30, validationCount: 10 });
    expect(splitCounts(data(40, [0, 1]), settings)).toEqual({ trainCount: 38, validationCount: 2 });
  });

  test('writes the counts it is given with the data, the settings and the last epoch', () => {
    const d = data(40);
    const settings = resolveSettings({ validationShare: 0.25 }, 'mlp-vae');
    const epoch = (n: number, loss: number): EpochSummary => ({
      epoch: n,
      trainLoss: loss,
      trainReconstruction: loss - 1,
      trainKl: 1,
      validationLoss: loss - 1,
      validationReconstruction: loss - 2,
      validationKl: 1,
      seconds: 1,
      samplesPerSecond: 30,
    });
    const meta = runMetadata(runConfig(d, 'mlp-vae', settings), d, splitCounts(d, settings), settings, [
      epoch(1, 9),
      epoch(2, 6),
    ]);
    expect(meta.dataset).toEqual({ source: 'dataset:d1', count: 40, trainCount: 30, validationCount: 10 });
    expect(meta.metrics).toEqual({
      epochs: 2,
      trainLoss: 6,
      validationLoss: 5,
      validationReconstruction: 4,
      validationKl: 1,
    });
    expect(meta.training).toEqual(settings);
  });
});

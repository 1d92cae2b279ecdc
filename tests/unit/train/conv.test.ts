import { beforeAll, describe, expect, it } from 'vitest';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { TRAIN_ERRORS } from '../../../src/engine/train/errors';
import type { EpochProgress } from '../../../src/engine/train/progress';
import { train } from '../../../src/engine/train/job/run-in-process';
import { registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { useBackend } from '../../helpers/tf';
import { mnistDigits as mnist, padTo32 } from '../../helpers/digits';

// Stock tfjs-wasm has no Conv2DBackpropFilter; the project's kernels add it. (tfjs's pure-JS
// cpu backend also trains these models, but at seconds per drawing: too slow for a unit test.)
let tf: Awaited<ReturnType<typeof useBackend>>;
let digits: TrainingData;

beforeAll(async () => {
  tf = await useBackend('wasm');
  registerWasmKernels();
  digits = await mnist(40, 0.2);
});

describe('conv training (wasm + project kernels)', () => {
  it('conv-vae: loss falls over a few tiny epochs, no leaks', async () => {
    const epochs: EpochProgress[] = [];
    const before = tf.memory().numTensors;
    const result = await train(
      digits,
      'conv-vae',
      { epochs: 3, batchSize: 8, seed: 2 },
      { onEpoch: (e) => epochs.push(e) },
    );
    expect(epochs[2].trainLoss).toBeLessThan(epochs[0].trainLoss);
    expect(epochs[2].validationKl).toBeGreaterThan(0);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('denoising conv-ae: trains on noisy inputs towards clean targets, KL stays 0', async () => {
    const data = padTo32(digits);
    const epochs: EpochProgress[] = [];
    const result = await train(
      data,
      'conv-ae',
      { epochs: 3, batchSize: 8, seed: 2, denoising: true, learningRate: 3e-3 },
      { onEpoch: (e) => epochs.push(e) },
    );
    expect(result.model.config.latentSize).toBe(128);
    expect(epochs[2].trainLoss).toBeLessThan(epochs[0].trainLoss);
    expect(epochs.every((e) => e.trainKl === 0 && e.validationKl === 0)).toBe(true);
    expect(epochs[0].reconstructions[0]).toHaveLength(1024);
    result.model.dispose();
  });

  it('conv-ae trains on 28×28 bitmaps as they are: a 128-d code, 28×28 reconstructions', async () => {
    const epochs: EpochProgress[] = [];
    const result = await train(
      digits,
      'conv-ae',
      { epochs: 2, batchSize: 8, seed: 2 },
      { onEpoch: (e) => epochs.push(e) },
    );
    expect(result.model.config.latentSize).toBe(128);
    expect(epochs[0].reconstructions[0]).toHaveLength(784);
    expect(epochs[1].trainLoss).toBeLessThan(epochs[0].trainLoss);
    result.model.dispose();
  });

  it('strided-ae refuses an image side that is not a multiple of 4', async () => {
    const side = 30;
    const odd: TrainingData = { ...digits, imageSize: side, images: new Uint8Array(digits.count * side * side) };
    await expect(train(odd, 'strided-ae', { epochs: 1 })).rejects.toThrow(TRAIN_ERRORS.imageSize('strided-ae', 4));
  });
});

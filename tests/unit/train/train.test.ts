import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { TRAIN_ERRORS } from '../../../src/engine/train/errors';
import type { BatchProgress, EpochProgress } from '../../../src/engine/train/progress';
import { TRAINING_SETTINGS } from '../../../src/shared/contract/training-settings';
import { train } from '../../../src/engine/train/job/run-in-process';
import { useBackend } from '../../helpers/tf';
import { mnistDigits as mnist } from '../../helpers/digits';

let tf: Awaited<ReturnType<typeof useBackend>>;
let data: TrainingData;
let dir: string;

const small = { batchSize: 50, hiddenSize: 64, latentSize: 2, seed: 3, learningRate: 2e-3 } as const;

beforeAll(async () => {
  tf = await useBackend('wasm');
  data = await mnist(600, 0.2);
  dir = await mkdtemp(join(tmpdir(), 'ld-train-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function weightsOf(model: { decoder: import('@tensorflow/tfjs').LayersModel }): number[] {
  return Array.from(model.decoder.getWeights()[0].dataSync());
}

describe('train', () => {
  it('mlp-vae on real MNIST: loss falls, progress is reported, no tensor leaks', async () => {
    const batches: BatchProgress[] = [];
    const epochs: EpochProgress[] = [];
    const before = tf.memory().numTensors;
    const result = await train(
      data,
      'mlp-vae',
      { ...small, epochs: 3 },
      {
        onBatch: (p) => batches.push(p),
        onEpoch: (p) => epochs.push(p),
      },
    );
    expect(result.status).toBe('completed');
    expect(epochs).toHaveLength(3);
    expect(batches).toHaveLength(3 * Math.ceil(data.trainIndex.length / 50));
    expect(batches[0].samplesPerSecond).toBeGreaterThan(0);
    expect(batches[0].etaSeconds).toBeGreaterThan(0);
    expect(epochs[2].validationLoss).toBeLessThan(epochs[0].validationLoss);
    expect(epochs[2].trainLoss).toBeLessThan(batches[0].loss * 0.6);
    expect(epochs[0].validationKl).toBeGreaterThan(0);
    expect(epochs[0].reconstructions).toHaveLength(8);
    expect(epochs[0].reconstructions[0]).toHaveLength(784);
    // the model's own weights are the only new tensors
    const owned = result.model.encoder.getWeights().length + result.model.decoder.getWeights().length;
    expect(tf.memory().numTensors).toBe(before + owned);
    result.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('is reproducible with the same seed', async () => {
    const a = await train(data, 'mlp-vae', { ...small, epochs: 1 });
    const b = await train(data, 'mlp-vae', { ...small, epochs: 1 });
    expect(weightsOf(a.model)).toEqual(weightsOf(b.model));
    expect(a.history[0].validationLoss).toBe(b.history[0].validationLoss);
    a.model.dispose();
    b.model.dispose();
  });

  it('cancels at once when the signal aborts', async () => {
    const controller = new AbortController();
    let seen = 0;
    const result = await train(
      data,
      'mlp-vae',
      { ...small, epochs: 5 },
      {
        signal: controller.signal,
        onBatch: () => {
          seen += 1;
          if (seen === 2) controller.abort();
        },
      },
    );
    expect(result.status).toBe('cancelled');
    expect(seen).toBe(2);
    result.model.dispose();
  });

  it('checkpoints every epoch and resumes to the same weights as an uninterrupted run', async () => {
    const ckpt = join(dir, 'ckpt');
    const straight = await train(data, 'cvae', { ...small, epochs: 2 });
    const first = await train(data, 'cvae', { ...small, epochs: 1 }, { checkpointDir: ckpt });
    first.model.dispose();
    expect((await readdir(ckpt)).sort()).toEqual(['epoch-00001', 'latest.json']);
    const resumed = await train(data, 'cvae', { ...small, epochs: 2 }, { checkpointDir: ckpt, resumeFrom: ckpt });
    expect(resumed.history.map((h) => h.epoch)).toEqual([1, 2]);
    const a = weightsOf(straight.model);
    const b = weightsOf(resumed.model);
    expect(b.length).toBe(a.length);
    for (let i = 0; i < a.length; i += 1) expect(b[i]).toBeCloseTo(a[i], 5);
    expect(JSON.parse(await readFile(join(ckpt, 'latest.json'), 'utf8'))).toEqual({ checkpoint: 'epoch-00002' });
    straight.model.dispose();
    resumed.model.dispose();
  });

  it('stops with a clear error when the loss diverges and keeps the last good checkpoint', async () => {
    const ckpt = join(dir, 'nan');
    const first = await train(data, 'mlp-vae', { ...small, epochs: 1 }, { checkpointDir: ckpt });
    first.model.dispose();
    // Drawings are bytes and cannot be NaN: a learning rate far too large blows the weights up.
    // The largest learning rate a run accepts (the settings table's limit) is far too large for plain SGD.
    const exploding = {
      ...small,
      epochs: 2,
      optimizer: 'sgd',
      learningRate: TRAINING_SETTINGS.learningRate.max,
    } as const;
    const before = tf.memory().numTensors;
    // Another run into the same folder (a resume of other settings is refused: see the CLI tests).
    await expect(train(data, 'mlp-vae', exploding, { checkpointDir: ckpt })).rejects.toThrow(TRAIN_ERRORS.diverged);
    expect(tf.memory().numTensors).toBe(before);
    expect(JSON.parse(await readFile(join(ckpt, 'latest.json'), 'utf8'))).toEqual({ checkpoint: 'epoch-00001' });
    expect(await readdir(join(ckpt, 'epoch-00001'))).toContain('latentdraw.json');
  });
});

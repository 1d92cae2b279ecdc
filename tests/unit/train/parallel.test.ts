import { readdirSync, readFileSync } from 'node:fs';
import { getPriority } from 'node:os';
import { describe, expect, test } from 'vitest';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import { defaultConfig } from '../../../src/engine/models/build';
import { defaultWorkers } from '../../../src/engine/train/default-workers';
import { GradientHelper } from '../../../src/engine/train/parallel/helper';
import { train } from '../../../src/engine/train/job/run-in-process';
import { SETTINGS_ERRORS } from '../../../src/engine/train/resolve-settings';
import { trainingSettingsFields } from '../../../src/shared/contract/training-settings';
import { sharedData } from '../../helpers/shared-data';
import { tf, useBackend } from '../../helpers/tf';

describe('data-parallel training over two threads', () => {
  test('a worker computes half of every batch; the loss falls as with one thread, nothing leaks', async () => {
    await useBackend('wasm');
    const data = await loadTrainingData(sharedData('mnist/t10k-images-idx3-ubyte.gz'), 'mnist28', {
      limit: 1200,
      seed: 1,
    });
    const before = tf.memory().numTensors;
    const settings = { epochs: 3, batchSize: 100, hiddenSize: 128, seed: 2 };
    const one = await train(data, 'mlp-vae', { ...settings, workers: 1 });
    const two = await train(data, 'cvae', { ...settings, workers: 2 });
    const twoMlp = await train(data, 'mlp-vae', { ...settings, workers: 2 });
    const first = (r: typeof one) => r.history[0].validationLoss;
    const last = (r: typeof one) => r.history[r.history.length - 1].validationLoss;
    expect(last(twoMlp)).toBeLessThan(first(twoMlp));
    expect(last(two)).toBeLessThan(first(two));
    // Same data, same epochs: two threads learn as well as one (noise differs, so not equal).
    expect(Math.abs(last(twoMlp) - last(one)) / last(one)).toBeLessThan(0.05);
    for (const r of [one, two, twoMlp]) r.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  // Linux only: nice values belong to threads there, and /proc lists them.
  test.runIf(process.platform === 'linux')("the helper thread runs at its caller's priority, not below", async () => {
    const niceOf = (tid: string) =>
      Number(readFileSync(`/proc/self/task/${tid}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
    const before = new Set(readdirSync('/proc/self/task'));
    const helper = await GradientHelper.start(defaultConfig('mlp-vae', { hiddenSize: 16 }), 'wasm');
    expect(helper).toBeDefined();
    const started = readdirSync('/proc/self/task').filter((tid) => !before.has(tid));
    expect(started.length).toBeGreaterThan(0);
    // A helper below its caller is starved on a busy machine, and every step waits for its half.
    for (const tid of started) expect(niceOf(tid)).toBe(getPriority(0));
    await helper?.dispose();
  });

  test('refuses other thread counts', async () => {
    await useBackend('wasm');
    const data = await loadTrainingData(sharedData('mnist/t10k-images-idx3-ubyte.gz'), 'mnist28', { limit: 100 });
    await expect(train(data, 'mlp-vae', { workers: 3 })).rejects.toThrow(
      SETTINGS_ERRORS.invalid('workers', trainingSettingsFields.workers.inner.describe),
    );
  });

  test('two threads by default only for conv models, and only on a machine with a second core', () => {
    expect(defaultWorkers('conv-vae', 4)).toBe(2);
    expect(defaultWorkers('conv-ae', 2)).toBe(2);
    expect(defaultWorkers('mlp-vae', 4)).toBe(1);
    expect(defaultWorkers('cvae', 4)).toBe(1);
    expect(defaultWorkers('conv-ae', 1)).toBe(1);
  });
});

/**
 * The data-parallel helper's step, run on this thread: it leaves no tensor behind however many
 * steps it takes, and reads its half of the batch (sent as bytes) as the main thread reads its own.
 */
import { describe, expect, test } from 'vitest';
import { buildModel } from '../../../src/engine/models/build';
import { batchTensors, disposeBatch, gatherBytes } from '../../../src/engine/train/step/batches';
import { helperGradients } from '../../../src/engine/train/parallel/worker-step';
import { runConfig } from '../../../src/engine/train/run/run-training';
import { resolveSettings } from '../../../src/engine/train/resolve-settings';
import { stepLoss, trainableVariables } from '../../../src/engine/train/step/loss';
import { mnistDigits } from '../../helpers/digits';
import { useBackend } from '../../helpers/tf';

// Needs ../shared/data (MNIST t10k).
describe("the helper thread's step", () => {
  test('takes the weights and its bytes each step and leaves no tensor behind', async () => {
    const tf = await useBackend('cpu');
    const data = await mnistDigits(16);
    const model = buildModel(runConfig(data, 'mlp-vae', resolveSettings({ hiddenSize: 16, latentSize: 2 }, 'mlp-vae')));
    const variables = trainableVariables(model);
    const indexes = Int32Array.from([0, 1, 2, 3, 4, 5]);
    const request = (step: number) => ({
      kind: 'step' as const,
      weights: variables.map((v) => (v.dataSync() as Float32Array).map((w) => w * (1 + step / 100))),
      images: gatherBytes(data, indexes),
      count: indexes.length,
      epsSeed: 5,
      beta: 1,
    });
    helperGradients(model, variables, request(0));
    const settled = tf.memory().numTensors;
    for (let step = 1; step <= 5; step += 1) helperGradients(model, variables, request(step));
    expect(tf.memory().numTensors).toBe(settled);

    // Its loss is the one this thread computes on the same drawings made floats here.
    const reply = helperGradients(model, variables, request(0));
    const batch = batchTensors(data, indexes);
    const here = tf.tidy(() => {
      const loss = stepLoss(model, { images: batch.images, epsSeed: 5, beta: 1 });
      loss.parts.dispose();
      return loss.total.dataSync()[0];
    });
    expect(reply.loss).toBeCloseTo(here, 4);
    disposeBatch(batch);
    model.dispose();
  });
});

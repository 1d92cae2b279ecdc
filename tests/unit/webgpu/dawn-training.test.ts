/**
 * Every model kind on WebGPU through Dawn's Node binding, on SwiftShader: the gradients of one
 * batch match a reference backend's, and a run on a trainer thread learns as the same run on
 * the reference does. The reference is cpu; for the conv kinds it is wasm with the project's
 * kernels (themselves tested against cpu in tests/unit/backend), because tfjs's cpu backend
 * takes ~20 s for one conv-VAE step of two drawings. SwiftShader is slow too, so runs are a
 * few steps of two drawings. Needs Debian's chromium (SwiftShader), libvulkan1, ../shared/data.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { buildModel } from '../../../src/engine/models/build';
import { MODEL_KINDS, type ModelKind } from '../../../src/engine/models/types';
import { registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { batchTensors, disposeBatch } from '../../../src/engine/train/step/batches';
import { runOnTrainer } from '../../../src/engine/train/job/run-on-trainer';
import { numClassesOf, runConfig } from '../../../src/engine/train/run/run-training';
import { readWeights, writeWeights, type WeightArrays } from '../../../src/engine/train/trainer/snapshot';
import { stepLoss, trainableVariables } from '../../../src/engine/train/step/loss';
import { threadTrainer } from '../../../src/engine/train/trainer/link';
import { tf, useBackend } from '../../helpers/tf';
import { useSoftwareWebgpu, webgpuReference, webgpuTestData, webgpuTestSettings } from '../../helpers/webgpu';

let dataFor: (kind: ModelKind) => TrainingData;
const referenceOf = webgpuReference;
const settingsFor = webgpuTestSettings;

beforeAll(async () => {
  useSoftwareWebgpu();
  dataFor = await webgpuTestData();
});

/** One batch's loss and gradients (in trainableVariables order) with the given weights. */
async function gradients(kind: ModelKind, weights?: WeightArrays) {
  const data = dataFor(kind);
  const model = buildModel(runConfig(data, kind, settingsFor(kind, 'cpu')));
  if (weights) writeWeights(model, weights);
  const batch = batchTensors(data, [0, 1], numClassesOf(data, kind));
  const variables = trainableVariables(model);
  const { value, grads } = tf.variableGrads(
    () => stepLoss(model, { images: batch.images, oneHot: batch.oneHot, epsSeed: 11, beta: 1 }).total,
    variables,
  );
  const result = {
    loss: (await value.data())[0],
    grads: await Promise.all(variables.map((v) => grads[v.name].data() as Promise<Float32Array>)),
    weights: await readWeights(model),
  };
  tf.dispose([value, ...Object.values(grads)]);
  disposeBatch(batch);
  model.dispose();
  return result;
}

function maxAbs(values: Float32Array): number {
  let m = 0;
  for (const v of values) m = Math.max(m, Math.abs(v));
  return m;
}

describe.each(MODEL_KINDS)('%s on webgpu (Dawn, SwiftShader)', { timeout: 300_000 }, (kind) => {
  test('one batch: loss and gradients match the reference backend', async () => {
    await useBackend(referenceOf(kind));
    if (referenceOf(kind) === 'wasm') registerWasmKernels();
    const cpu = await gradients(kind);
    await useBackend('webgpu');
    expect(tf.getBackend()).toBe('webgpu');
    const gpu = await gradients(kind, cpu.weights);
    expect(Math.abs(gpu.loss - cpu.loss)).toBeLessThan(1e-4 * Math.abs(cpu.loss) + 1e-4);
    expect(gpu.grads).toHaveLength(cpu.grads.length);
    cpu.grads.forEach((g, i) => {
      const scale = maxAbs(g);
      let worst = 0;
      for (let j = 0; j < g.length; j += 1) worst = Math.max(worst, Math.abs(g[j] - gpu.grads[i][j]));
      expect(worst, `variable ${i} of ${cpu.grads.length}`).toBeLessThanOrEqual(2e-3 * scale + 1e-5);
    });
  });

  test('a trainer thread trains it on webgpu as on the reference backend', async () => {
    const losses: Record<string, number[]> = {};
    for (const backend of [referenceOf(kind), 'webgpu'] as const) {
      const link = threadTrainer();
      let started: string | undefined;
      try {
        const outcome = await runOnTrainer(
          link,
          { type: 'start', kind, settings: settingsFor(kind, backend), data: dataFor(kind), allowSoftware: true },
          { onStarted: (name) => (started = name) },
        );
        expect(outcome.status).toBe('completed');
        expect(outcome.weights?.encoder.length).toBeGreaterThan(0);
        losses[backend] = outcome.state.history.map((h) => h.trainLoss);
      } finally {
        await link.close();
      }
      expect(started).toBe(backend);
    }
    const reference = losses[referenceOf(kind)];
    expect(losses.webgpu).toHaveLength(settingsFor(kind, 'webgpu').epochs);
    reference.forEach((loss, i) => expect(Math.abs(losses.webgpu[i] - loss)).toBeLessThan(2e-3 * loss));
  });
});

import { describe, expect, it } from 'vitest';
import { tf, useBackend } from '../../helpers/tf';
import { registerCpuKernelFixes, registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { buildModel, defaultConfig } from '../../../src/engine/models/build';
import { lossTerms } from '../../../src/engine/models/forward';
import type { ModelKind } from '../../../src/engine/models/types';
import { expectClose, randomArray } from './compare';

/** Loss and every weight's gradient of one training step, on the backend in use. */
function stepGradients(kind: ModelKind, batch: number): { loss: number; grads: Float32Array[] } {
  // Small images keep the cpu reference quick; the layers are the studio's own.
  const imageSize = kind === 'conv-ae' ? 16 : kind === 'conv-vae' ? 8 : 28;
  const model = buildModel(defaultConfig(kind, { seed: 7, imageSize }));
  const pixels = model.config.imageSize ** 2;
  const images = tf.tensor2d(
    randomArray(batch * pixels, 11).map((v) => (v > 0.3 ? 1 : 0)),
    [batch, pixels],
  );
  const eps = tf.tensor2d(randomArray(batch * model.config.latentSize, 12), [batch, model.config.latentSize]);
  const vars = [...model.encoder.trainableWeights, ...model.decoder.trainableWeights].map(
    (w) => w.read() as tf.Variable,
  );
  const { value, grads } = tf.variableGrads(() => {
    const t = lossTerms(model, { input: images, target: images }, eps);
    return tf.add(t.reconstruction, t.kl) as tf.Scalar;
  }, vars);
  const out = { loss: value.dataSync()[0], grads: vars.map((v) => grads[v.name].dataSync() as Float32Array) };
  tf.dispose([value, images, eps, ...Object.values(grads)]);
  model.dispose();
  return out;
}

describe('a full training step on wasm matches cpu', () => {
  for (const kind of ['conv-vae', 'conv-ae', 'mlp-vae'] as const) {
    it(`${kind}: loss and all weight gradients`, async () => {
      await useBackend('cpu');
      // Without the fix the cpu reference itself is wrong for conv-ae (UpSampling2D grad, batch > 1).
      registerCpuKernelFixes();
      const cpu = stepGradients(kind, 3);
      await useBackend('wasm');
      registerWasmKernels();
      const before = tf.memory().numTensors;
      const wasm = stepGradients(kind, 3);
      expect(tf.memory().numTensors).toBe(before);
      expect(Math.abs(wasm.loss - cpu.loss)).toBeLessThanOrEqual(1e-4 * Math.abs(cpu.loss));
      expect(wasm.grads.length).toBe(cpu.grads.length);
      wasm.grads.forEach((g, i) => expectClose(g, cpu.grads[i]));
    });
  }
});

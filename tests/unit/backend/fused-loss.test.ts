import { describe, expect, it } from 'vitest';
import { tf, useBackend } from '../../helpers/tf';
import { registerCpuKernelFixes, registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { BCE_SUM, fusedBceSum } from '../../../src/engine/backend/kernels/bce';
import { BCE_EPSILON, bceSum } from '../../../src/engine/models/gaussian';
import { expectClose, onBoth, randomArray } from './compare';

const ROWS = 5;
const COLS = 37;

/** Probabilities across (0, 1) plus the clip's edge cases: exactly 0 and 1, on the bounds, just inside. */
function probsAndTarget(): { probs: tf.Tensor2D; target: tf.Tensor2D } {
  const p = randomArray(ROWS * COLS, 3).map((v) => v + 0.5);
  const edges = [0, 1, BCE_EPSILON, 1 - BCE_EPSILON, 2 * BCE_EPSILON, 1 - 2 * BCE_EPSILON, 0.5];
  edges.forEach((v, i) => (p[i * 3] = v));
  const t = randomArray(ROWS * COLS, 4).map((v) => (v > 0 ? 1 : 0));
  return { probs: tf.tensor2d(p, [ROWS, COLS]), target: tf.tensor2d(t, [ROWS, COLS]) };
}

/** Σ w·bce(p), so each row's gradient is weighted differently (a plain sum would hide row mix-ups). */
function weighted(
  bce: (t: tf.Tensor2D, p: tf.Tensor2D) => tf.Tensor1D,
  target: tf.Tensor2D,
): (p: tf.Tensor) => tf.Tensor {
  const w = tf.tensor1d(Array.from({ length: ROWS }, (_, i) => i + 1));
  return (p) => tf.sum(tf.mul(bce(target, p as tf.Tensor2D), w));
}

describe('fused clipped BCE', () => {
  for (const backend of ['wasm', 'cpu'] as const) {
    it(`on ${backend}: the same values and probability gradients as tfjs's ops, edges included`, async () => {
      await useBackend(backend);
      registerWasmKernels();
      registerCpuKernelFixes();
      expect(tf.getKernel(BCE_SUM, backend)).toBeDefined();
      const { probs, target } = probsAndTarget();
      const before = tf.memory().numTensors;
      const fused = tf.tidy(() => fusedBceSum(target, probs));
      const reference = tf.tidy(() => bceSum(target, probs));
      expectClose(fused.dataSync() as Float32Array, reference.dataSync() as Float32Array);
      const gFused = tf.tidy(() => tf.grad(weighted(fusedBceSum, target))(probs));
      const gReference = tf.tidy(() => tf.grad(weighted(bceSum, target))(probs));
      expectClose(gFused.dataSync() as Float32Array, gReference.dataSync() as Float32Array);
      // Outside the bounds the clip passes no gradient; on them it does.
      expect(gFused.dataSync()[0]).toBe(0);
      expect(gFused.dataSync()[3]).toBe(0);
      expect(gFused.dataSync()[6]).not.toBe(0);
      tf.dispose([fused, reference, gFused, gReference]);
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([probs, target]);
    });
  }

  it('the target gradient matches the composite one', async () => {
    const { cpu, wasm } = await onBoth(() => {
      const { probs, target } = probsAndTarget();
      return tf.grad((t: tf.Tensor) => tf.sum(fusedBceSum(t as tf.Tensor2D, probs)))(target);
    });
    await useBackend('cpu');
    const composite = tf.tidy(() => {
      const { probs, target } = probsAndTarget();
      return tf.grad((t: tf.Tensor) => tf.sum(bceSum(t as tf.Tensor2D, probs)))(target);
    });
    expectClose(cpu, composite.dataSync() as Float32Array);
    expectClose(wasm, cpu);
    composite.dispose();
  });
});

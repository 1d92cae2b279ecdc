import { describe, expect, it } from 'vitest';
import { tf, useBackend } from '../../helpers/tf';
import { registerCpuKernelFixes, registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { BCE_SUM, fusedBceSum } from '../../../src/engine/backend/kernels/bce';
import { heapOf } from '../../../src/engine/backend/kernels/array-kernel';
import { simdBceFor, simdBceGradFor } from '../../../src/engine/backend/kernels/simd-bce';
import { fusedSampleKl } from '../../../src/engine/backend/kernels/reparam-kl';
import { BCE_EPSILON, bceSum, klDiagonal, sampleDiagonal } from '../../../src/engine/models/gaussian';
import { expectClose, onBoth, randomArray } from './compare';

const ROWS = 5;
/** 37 pixels a row takes the kernels' JavaScript loops; 40 (a multiple of 4) their SIMD path on wasm. */
const COLS = 37;
const SIMD_COLS = 40;

/**
 * Probabilities across (0, 1) plus the clip's edge cases: exactly 0 and 1, on the bounds, just
 * inside. Targets mostly exactly 0 or 1, and in between for a fifth of them, as an MNIST digit's edges.
 */
function probsAndTarget(cols = COLS): { probs: tf.Tensor2D; target: tf.Tensor2D } {
  const p = randomArray(ROWS * cols, 3).map((v) => v + 0.5);
  const edges = [0, 1, BCE_EPSILON, 1 - BCE_EPSILON, 2 * BCE_EPSILON, 1 - 2 * BCE_EPSILON, 0.5];
  edges.forEach((v, i) => (p[i * 3] = v));
  const t = randomArray(ROWS * cols, 4).map((v) => (v > 0.1 ? 1 : v < -0.1 ? 0 : v * 5 + 0.5));
  return { probs: tf.tensor2d(p, [ROWS, cols]), target: tf.tensor2d(t, [ROWS, cols]) };
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
  for (const [backend, cols] of [
    ['wasm', COLS],
    ['wasm', SIMD_COLS],
    ['cpu', COLS],
  ] as const) {
    it(`on ${backend}, ${cols} pixels a row: the same values and probability gradients as tfjs's ops, edges included`, async () => {
      await useBackend(backend);
      registerWasmKernels();
      registerCpuKernelFixes();
      expect(tf.getKernel(BCE_SUM, backend)).toBeDefined();
      const { probs, target } = probsAndTarget(cols);
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

  it('on wasm the SIMD kernels are the ones bound to the heap', async () => {
    await useBackend('wasm');
    const heap = heapOf(tf.backend() as BackendWasm);
    expect(heap).toBeDefined();
    expect(simdBceFor(heap!)).toBeTypeOf('function');
    expect(simdBceGradFor(heap!)).toBeTypeOf('function');
  });

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

describe('fused reparameterisation and KL', () => {
  const N = 9;
  const K = 3;
  const inputs = () => ({
    mu: tf.tensor2d(
      randomArray(N * K, 21).map((v) => 3 * v),
      [N, K],
    ),
    logVar: tf.tensor2d(
      randomArray(N * K, 22).map((v) => 6 * v),
      [N, K],
    ),
    eps: tf.tensor2d(
      randomArray(N * K, 23).map((v) => 4 * v),
      [N, K],
    ),
  });
  /** A loss that weights z and KL differently per entry, so every gradient path shows. */
  const loss = (z: tf.Tensor, kl: tf.Tensor) =>
    tf.add(
      tf.sum(tf.mul(z, tf.tensor2d(randomArray(N * K, 24), [N, K]))),
      tf.sum(tf.mul(kl, tf.tensor1d(randomArray(N, 25)))),
    );

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`on ${backend}: z, KL and their gradients match sampleDiagonal and klDiagonal`, async () => {
      await useBackend(backend);
      registerWasmKernels();
      registerCpuKernelFixes();
      const { mu, logVar, eps } = inputs();
      const before = tf.memory().numTensors;
      const run = (fused: boolean) =>
        tf.tidy(() => {
          const f = (m: tf.Tensor, lv: tf.Tensor) => {
            const [m2, lv2] = [m as tf.Tensor2D, lv as tf.Tensor2D];
            const { z, kl } = fused
              ? fusedSampleKl(m2, lv2, eps)
              : { z: sampleDiagonal(m2, lv2, eps), kl: klDiagonal(m2, lv2) };
            return loss(z, kl);
          };
          const { value, grads } = tf.valueAndGrads(f)([mu, logVar]);
          return [value, ...grads].map((t) => t.dataSync() as Float32Array);
        });
      const fused = run(true);
      const reference = run(false);
      fused.forEach((v, i) => expectClose(v, reference[i]));
      // Only z used: the KL output gets no gradient from tfjs, and the kernel takes it as zero.
      const zOnly = tf.tidy(() => {
        const g = tf.grad((m: tf.Tensor) => tf.sum(fusedSampleKl(m as tf.Tensor2D, logVar, eps).z))(mu);
        return g.dataSync() as Float32Array;
      });
      expect(Array.from(zOnly)).toEqual(new Array(N * K).fill(1));
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([mu, logVar, eps]);
    });
  }
});

import { expect } from 'vitest';
import { tf, useBackend } from '../../helpers/tf';
import { registerWasmKernels } from '../../../src/engine/backend/register-kernels';

/** Deterministic inputs, so the cpu and wasm runs see the same numbers. */
export function randomArray(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

export function randomTensor(shape: number[], seed: number): tf.Tensor {
  return tf.tensor(
    randomArray(
      shape.reduce((a, b) => a * b, 1),
      seed,
    ),
    shape,
  );
}

/** Deterministic values of which `zeroShare` are exactly zero, like a drawing's background. */
export function sparseTensor(shape: number[], seed: number, zeroShare: number): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  const values = randomArray(size, seed);
  const pick = randomArray(size, seed + 100);
  for (let i = 0; i < size; i++) if (pick[i] + 0.5 < zeroShare) values[i] = 0;
  return tf.tensor(values, shape);
}

/** Runs `f` on cpu then on wasm (with our kernels) and returns both results' values. */
export async function onBoth(f: () => tf.Tensor): Promise<{ cpu: Float32Array; wasm: Float32Array; shape: number[] }> {
  await useBackend('cpu');
  const c = tf.tidy(f);
  const cpu = (await c.data()) as Float32Array;
  const shape = c.shape;
  c.dispose();
  await useBackend('wasm');
  registerWasmKernels();
  const before = tf.memory().numTensors;
  const w = tf.tidy(f);
  const wasm = (await w.data()) as Float32Array;
  expect(w.shape).toEqual(shape);
  w.dispose();
  expect(tf.memory().numTensors).toBe(before);
  return { cpu, wasm, shape };
}

/** max |a − b| ≤ 1e-4 · max(1, max |a|): the tolerance is relative to the values' magnitude. */
export function expectClose(actual: Float32Array, expected: Float32Array): void {
  expect(actual.length).toBe(expected.length);
  let scale = 1;
  let worst = 0;
  for (let i = 0; i < expected.length; i++) {
    scale = Math.max(scale, Math.abs(expected[i]));
    worst = Math.max(worst, Math.abs(actual[i] - expected[i]));
  }
  expect(Number.isFinite(worst)).toBe(true);
  expect(worst / scale).toBeLessThanOrEqual(1e-4);
}

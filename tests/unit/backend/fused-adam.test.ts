import { describe, expect, it } from 'vitest';
import { tf, useBackend } from '../../helpers/tf';
import { registerCpuKernelFixes, registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { FusedAdamOptimizer } from '../../../src/engine/train/step/fused-adam';
import { makeOptimizer } from '../../../src/engine/train/step/optimizer';
import { expectClose, randomArray } from './compare';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { heapOf } from '../../../src/engine/backend/kernels/array-kernel';
import { simdAdamFor } from '../../../src/engine/backend/kernels/simd-adam';

// Sizes with and without a tail of 1–3 values after the SIMD loop's groups of four.
const SHAPES = [[37, 5], [5], [3, 4, 2], [4099]];

/** Fresh variables with fixed values, each named by a prefix so two sets can coexist. */
function variables(prefix: string): tf.Variable[] {
  return SHAPES.map((shape, i) =>
    tf.tidy(() =>
      tf.variable(
        tf.tensor(
          randomArray(
            shape.reduce((a, b) => a * b, 1),
            i + 1,
          ),
          shape,
        ),
        true,
        `${prefix}${i}`,
      ),
    ),
  );
}

/** Three steps with the same gradients; the variables' values and the optimizer's slots after them. */
async function train(
  optimizer: tf.Optimizer,
  prefix: string,
): Promise<{ values: Float32Array[]; slots: Array<{ name: string; tensor: tf.Tensor }> }> {
  const vars = variables(prefix);
  for (let step = 0; step < 3; step++) {
    const grads: tf.NamedTensorMap = {};
    vars.forEach((v, i) => (grads[v.name] = tf.tensor(randomArray(v.size, 100 * step + i + 7), v.shape)));
    optimizer.applyGradients(grads);
    tf.dispose(Object.values(grads));
  }
  const values = vars.map((v) => v.dataSync() as Float32Array);
  const slots = await optimizer.getWeights();
  tf.dispose(vars);
  return { values, slots };
}

describe('fused Adam', () => {
  it('runs its inner loop as SIMD WebAssembly on the wasm heap', async () => {
    await useBackend('wasm');
    const heap = heapOf(tf.backend() as BackendWasm);
    expect(heap).toBeInstanceOf(WebAssembly.Memory);
    expect(simdAdamFor(heap!)).toBeTypeOf('function');
  });

  for (const backend of ['wasm', 'cpu'] as const) {
    it(`matches tfjs's Adam on ${backend}: weights, slot names and slot values`, async () => {
      await useBackend(backend);
      registerWasmKernels();
      registerCpuKernelFixes();
      const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
      const fused = makeOptimizer('adam', 0.01);
      expect(fused).toBeInstanceOf(FusedAdamOptimizer);
      const expected = await train(reference, 'ref');
      const expectedIter = expected.slots[0].tensor.dataSync()[0];
      expected.slots[0].tensor.dispose();
      const before = tf.memory().numTensors;
      const actual = await train(fused, 'fused');
      actual.values.forEach((v, i) => expectClose(v, expected.values[i]));
      expect(actual.slots.map((s) => s.name.replace('fused', ''))).toEqual(
        expected.slots.map((s) => s.name.replace('ref', '')),
      );
      expect(actual.slots[0].tensor.dataSync()[0]).toBe(expectedIter);
      actual.slots
        .slice(1)
        .forEach((s, i) =>
          expectClose(s.tensor.dataSync() as Float32Array, expected.slots[i + 1].tensor.dataSync() as Float32Array),
        );
      actual.slots[0].tensor.dispose();
      // Only the optimizer's own slots outlive the steps (less the iteration scalar freed above).
      expect(tf.memory().numTensors).toBe(before + 2 * SHAPES.length);
      reference.dispose();
      fused.dispose();
    });
  }

  it("resumes from tfjs Adam's saved slots and steps as it would", async () => {
    await useBackend('wasm');
    registerWasmKernels();
    const reference = tf.train.adam(0.01, 0.9, 0.999, 1e-7);
    await train(reference, 'a');
    const saved = await reference.getWeights();
    const resumed = new FusedAdamOptimizer(0.01, 0.9, 0.999, 1e-7);
    await resumed.setWeights(saved.map((s) => ({ name: s.name, tensor: s.tensor.clone() })));
    expect(resumed.iterations).toBe(3);
    const v1 = tf.variable(tf.tensor(randomArray(185, 1), [37, 5]), true, 'b0');
    const v2 = tf.variable(tf.tensor(randomArray(185, 1), [37, 5]), true, 'c0');
    const g = tf.tensor(randomArray(185, 5), [37, 5]);
    reference.applyGradients([{ name: 'b0', tensor: g }]);
    resumed.applyGradients([{ name: 'c0', tensor: g }]);
    expectClose(v2.dataSync() as Float32Array, v1.dataSync() as Float32Array);
    tf.dispose([v1, v2, g, saved[0].tensor]);
    reference.dispose();
    resumed.dispose();
  });
});

import { describe, expect, it } from 'vitest';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf, useBackend } from '../../helpers/tf';
import { registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { MIN_ZERO_SHARE, mostlyZeros, sparsePlan } from '../../../src/engine/backend/kernels/sparse-mat-mul';
import { expectClose, onBoth, randomTensor, sparseTensor } from './compare';

describe('mostlyZeros', () => {
  it('counts exact zeros against the share', () => {
    expect(mostlyZeros(new Float32Array([0, 0, 0, 1]), 0.75)).toBe(true);
    expect(mostlyZeros(new Float32Array([0, 0, 1, 1]), 0.75)).toBe(false);
    expect(mostlyZeros(new Float32Array([1e-30, 0, 0, 0]), 0.75)).toBe(true);
    expect(mostlyZeros(new Float32Array([1e-30, -1e-30, 0, 0]), 0.75)).toBe(false);
  });
});

describe('wasm matmul of a mostly-zero left operand matches cpu', () => {
  // [m, k] (or [k, m] transposed) × [k, n]: n a multiple of 16, big enough to take the sparse path.
  const cases: Array<[number[], number[], boolean, boolean]> = [
    [[32, 100], [100, 48], false, false],
    [[100, 32], [100, 48], true, false],
    [[32, 100], [48, 100], false, true],
    [[100, 32], [48, 100], true, true],
    [[1, 32, 100], [1, 100, 48], false, false],
    [[128, 784], [784, 512], false, false],
  ];
  for (const [aShape, bShape, ta, tb] of cases) {
    it(`${aShape} x ${bShape} transposeA=${ta} transposeB=${tb}`, async () => {
      const { cpu, wasm } = await onBoth(() =>
        tf.matMul(sparseTensor(aShape, 1, 0.8), randomTensor(bShape, 2), ta, tb),
      );
      expectClose(wasm, cpu);
    });
  }

  for (const activation of ['linear', 'relu', 'sigmoid', 'leakyrelu'] as const) {
    it(`fused with bias, ${activation}`, async () => {
      const { cpu, wasm } = await onBoth(() =>
        tf.fused.matMul({
          a: sparseTensor([32, 100], 3, 0.6) as tf.Tensor2D,
          b: randomTensor([100, 64], 4) as tf.Tensor2D,
          bias: randomTensor([64], 5),
          activation,
          leakyreluAlpha: 0.3,
        }),
      );
      expectClose(wasm, cpu);
    });
  }

  it("a dense layer's weight gradient for a batch of sparse inputs (xᵀ·∂h)", async () => {
    const { cpu, wasm } = await onBoth(() => {
      const x = sparseTensor([64, 196], 6, 0.8) as tf.Tensor2D;
      const grad = tf.grad((w: tf.Tensor) =>
        tf.fused
          .matMul({ a: x, b: w as tf.Tensor2D, bias: randomTensor([32], 8), activation: 'relu' })
          .square()
          .sum(),
      );
      return grad(randomTensor([196, 32], 7));
    });
    expectClose(wasm, cpu);
  });
});

describe('which products take the sparse path', () => {
  async function planFor(a: tf.Tensor, b: tf.Tensor, ta = false, tb = false) {
    await useBackend('wasm');
    registerWasmKernels();
    const plan = sparsePlan(tf.backend() as BackendWasm, { a, b }, {}, { ta, tb });
    tf.dispose([a, b]);
    return plan;
  }

  it("a mostly-zero left operand does, with the product's shape", async () => {
    await useBackend('wasm');
    expect(await planFor(sparseTensor([100, 32], 1, 0.8), randomTensor([100, 48], 2), true)).toEqual({
      m: 32,
      k: 100,
      n: 48,
      batchShape: [],
    });
  });

  it('a dense one, too few zeros, a width that is no multiple of 16 or a small product do not', async () => {
    await useBackend('wasm');
    expect(await planFor(randomTensor([32, 100], 1), randomTensor([100, 48], 2))).toBeUndefined();
    expect(await planFor(sparseTensor([32, 100], 1, MIN_ZERO_SHARE - 0.1), randomTensor([100, 48], 2))).toBeUndefined();
    expect(await planFor(sparseTensor([32, 100], 1, 0.8), randomTensor([100, 50], 2))).toBeUndefined();
    expect(await planFor(sparseTensor([4, 10], 1, 0.8), randomTensor([10, 16], 2))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { registerCpuKernelFixes } from '../../../src/engine/backend/register-kernels';
import { resizeNearestGradValues } from '../../../src/engine/backend/kernels/resize-nearest-grad';
import { tf } from '../../helpers/tf';
import { expectClose, onBoth, randomTensor } from './compare';

const cases: Array<{ x: [number, number, number, number]; size: number; stride: number; pad: 'same' | 'valid' }> = [
  { x: [2, 8, 8, 3], size: 2, stride: 2, pad: 'same' },
  { x: [1, 7, 9, 2], size: 2, stride: 2, pad: 'same' },
  { x: [3, 9, 7, 4], size: 3, stride: 2, pad: 'valid' },
  { x: [2, 6, 6, 5], size: 3, stride: 1, pad: 'same' },
];

describe('wasm MaxPoolGrad matches cpu', () => {
  for (const c of cases) {
    it(`x ${c.x} pool ${c.size} stride ${c.stride} ${c.pad}`, async () => {
      const { cpu, wasm } = await onBoth(() =>
        tf.grad((x: tf.Tensor) =>
          tf
            .maxPool(x as tf.Tensor4D, c.size, c.stride, c.pad)
            .mul(randomTensor([1], 2).add(1))
            .square()
            .sum(),
        )(randomTensor(c.x, 1)),
      );
      expectClose(wasm, cpu);
    });
  }

  it('gives a tie to the first maximum (relu zeros), as cpu does', async () => {
    const { cpu, wasm } = await onBoth(() =>
      tf.grad((x: tf.Tensor) => tf.maxPool(x.relu() as tf.Tensor4D, 2, 2, 'same').sum())(
        randomTensor([2, 6, 6, 3], 3).sub(0.4),
      ),
    );
    expectClose(wasm, cpu);
  });
});

describe('ResizeNearestNeighborGrad (UpSampling2D gradient)', () => {
  const cases: Array<{ x: [number, number, number, number]; size: [number, number]; alignCorners: boolean }> = [
    { x: [2, 4, 4, 3], size: [8, 8], alignCorners: false },
    { x: [1, 2, 2, 32], size: [4, 4], alignCorners: false },
    { x: [2, 5, 3, 2], size: [7, 9], alignCorners: false },
    { x: [2, 5, 3, 2], size: [7, 9], alignCorners: true },
    { x: [1, 6, 6, 1], size: [4, 3], alignCorners: false },
  ];
  for (const c of cases) {
    it(`x ${c.x} → ${c.size} alignCorners=${c.alignCorners}: wasm matches the fixed cpu kernel`, async () => {
      registerCpuKernelFixes();
      const { cpu, wasm } = await onBoth(() =>
        tf.grad((x: tf.Tensor) =>
          tf.image
            .resizeNearestNeighbor(x as tf.Tensor4D, c.size, c.alignCorners)
            .mul(randomTensor([c.x[0], ...c.size, c.x[3]], 2))
            .sum(),
        )(randomTensor(c.x, 1)),
      );
      expectClose(wasm, cpu);
    });
  }

  it('sends each dy pixel of a batch-2 2× upsample back to its own source pixel', () => {
    const dy = Float32Array.from({ length: 32 }, (_, i) => i);
    const dx = resizeNearestGradValues(dy, [2, 4, 4, 1], [2, 2, 2, 1], false);
    expect(Array.from(dx)).toEqual([10, 18, 42, 50, 74, 82, 106, 114]);
  });
});

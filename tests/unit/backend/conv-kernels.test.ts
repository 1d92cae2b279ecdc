import { describe, expect, it } from 'vitest';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import { tf, useBackend } from '../../helpers/tf';
import { registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { sparseFilterGradientFits } from '../../../src/engine/backend/kernels/sparse-filter-gradient';
import { expectClose, onBoth, randomTensor, sparseTensor } from './compare';

type Pad = 'same' | 'valid' | [[number, number], [number, number], [number, number], [number, number]];
interface Case {
  x: [number, number, number, number];
  k: [number, number];
  cout: number;
  stride: number;
  pad: Pad;
}

const explicit: Pad = [
  [0, 0],
  [2, 1],
  [0, 1],
  [0, 0],
];
const cases: Case[] = [
  { x: [1, 5, 5, 1], k: [3, 3], cout: 1, stride: 1, pad: 'same' },
  { x: [2, 7, 6, 3], k: [3, 3], cout: 4, stride: 1, pad: 'same' },
  { x: [2, 7, 6, 3], k: [3, 3], cout: 4, stride: 1, pad: 'valid' },
  { x: [3, 9, 9, 2], k: [3, 3], cout: 5, stride: 2, pad: 'same' },
  { x: [3, 8, 8, 2], k: [3, 3], cout: 5, stride: 2, pad: 'same' },
  { x: [2, 9, 10, 3], k: [3, 2], cout: 4, stride: 2, pad: 'valid' },
  { x: [1, 8, 8, 4], k: [2, 2], cout: 3, stride: 1, pad: 'same' },
  { x: [2, 11, 7, 2], k: [5, 3], cout: 3, stride: 3, pad: 'same' },
  { x: [2, 10, 11, 2], k: [2, 2], cout: 3, stride: 3, pad: 'valid' },
  { x: [2, 8, 7, 3], k: [3, 3], cout: 2, stride: 1, pad: explicit },
  { x: [2, 9, 9, 3], k: [3, 3], cout: 2, stride: 2, pad: explicit },
];

const name = (c: Case) => `x ${c.x} k ${c.k}→${c.cout} stride ${c.stride} pad ${JSON.stringify(c.pad)}`;
const filterShape = (c: Case): [number, number, number, number] => [c.k[0], c.k[1], c.x[3], c.cout];
const dyShape = (c: Case) =>
  tf.conv2d(tf.zeros(c.x) as tf.Tensor4D, tf.zeros(filterShape(c)) as tf.Tensor4D, c.stride, c.pad).shape;

describe('wasm Conv2DBackpropFilter matches cpu', () => {
  for (const c of cases) {
    it(name(c), async () => {
      const { cpu, wasm } = await onBoth(
        () =>
          // tfjs exports no op for it; conv2d's gradient runs this same kernel.
          tf.engine().runKernel(
            'Conv2DBackpropFilter',
            { x: randomTensor(c.x, 1), dy: randomTensor(dyShape(c), 2) },
            {
              strides: c.stride,
              pad: c.pad,
              dataFormat: 'NHWC',
              filterShape: filterShape(c),
            },
          ) as tf.Tensor,
      );
      expectClose(wasm, cpu);
    });
  }
});

/** A mostly-zero input: the filter gradient over x's nonzeros, 16, 4 or 1 output channels a step. */
const sparseCases: Case[] = [
  { x: [2, 7, 6, 3], k: [3, 3], cout: 16, stride: 1, pad: 'same' },
  { x: [3, 9, 9, 2], k: [3, 3], cout: 16, stride: 2, pad: 'same' },
  { x: [3, 8, 8, 2], k: [3, 3], cout: 32, stride: 2, pad: 'same' },
  { x: [2, 9, 10, 3], k: [3, 2], cout: 32, stride: 2, pad: 'valid' },
  { x: [2, 11, 7, 2], k: [5, 3], cout: 16, stride: 3, pad: 'same' },
  { x: [2, 9, 9, 3], k: [3, 3], cout: 16, stride: 2, pad: explicit },
  { x: [2, 8, 8, 1], k: [3, 3], cout: 4, stride: 1, pad: 'same' },
  { x: [3, 9, 9, 2], k: [2, 2], cout: 8, stride: 2, pad: 'valid' },
  { x: [2, 7, 6, 3], k: [3, 3], cout: 12, stride: 1, pad: explicit },
  { x: [2, 8, 8, 4], k: [3, 3], cout: 1, stride: 1, pad: 'same' },
  { x: [3, 9, 9, 2], k: [3, 3], cout: 5, stride: 2, pad: 'same' },
];

describe('wasm Conv2DBackpropFilter over a mostly-zero input matches cpu', () => {
  const filterGradient = (c: Case) =>
    tf
      .engine()
      .runKernel(
        'Conv2DBackpropFilter',
        { x: sparseTensor(c.x, 1, 0.7), dy: randomTensor(dyShape(c), 2) },
        { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: filterShape(c) },
      ) as tf.Tensor;
  for (const c of sparseCases) {
    it(name(c), async () => {
      const { cpu, wasm } = await onBoth(() => filterGradient(c));
      expectClose(wasm, cpu);
    });
  }

  it('takes the sparse path for these inputs, not for dense ones', async () => {
    await useBackend('wasm');
    registerWasmKernels();
    const backend = tf.backend() as BackendWasm;
    const sparse = sparseTensor([2, 7, 6, 3], 1, 0.7);
    const dense = randomTensor([2, 7, 6, 3], 1);
    expect(sparseFilterGradientFits(backend, sparse, 16)).toBe(true);
    expect(sparseFilterGradientFits(backend, dense, 16)).toBe(false);
    expect(sparseFilterGradientFits(backend, sparse, 4)).toBe(true);
    expect(sparseFilterGradientFits(backend, sparse, 1)).toBe(true);
    tf.dispose([sparse, dense]);
  });
});

describe('wasm Conv2DBackpropInput (conv2dTranspose) matches cpu', () => {
  for (const c of cases) {
    it(name(c), async () => {
      const { cpu, wasm } = await onBoth(() =>
        tf.conv2dTranspose(
          randomTensor(dyShape(c), 3) as tf.Tensor4D,
          randomTensor(filterShape(c), 4) as tf.Tensor4D,
          c.x,
          c.stride,
          c.pad,
        ),
      );
      expectClose(wasm, cpu);
    });
  }
});

describe('gradients through conv2d and conv2dTranspose on wasm match cpu', () => {
  for (const c of cases.filter((k) => typeof k.pad === 'string')) {
    it(`conv2d ${name(c)}`, async () => {
      for (const which of [0, 1]) {
        const { cpu, wasm } = await onBoth(() => {
          const loss = (x: tf.Tensor, f: tf.Tensor) =>
            tf
              .conv2d(x as tf.Tensor4D, f as tf.Tensor4D, c.stride, c.pad)
              .relu()
              .square()
              .sum();
          return tf.grads(loss)([randomTensor(c.x, 5), randomTensor(filterShape(c), 6)])[which];
        });
        expectClose(wasm, cpu);
      }
    });
    it(`conv2dTranspose ${name(c)}`, async () => {
      for (const which of [0, 1]) {
        const { cpu, wasm } = await onBoth(() => {
          const loss = (dy: tf.Tensor, f: tf.Tensor) =>
            tf
              .conv2dTranspose(dy as tf.Tensor4D, f as tf.Tensor4D, c.x, c.stride, c.pad as 'same' | 'valid')
              .sigmoid()
              .sum();
          return tf.grads(loss)([randomTensor(dyShape(c), 7), randomTensor(filterShape(c), 8)])[which];
        });
        expectClose(wasm, cpu);
      }
    });
  }
});

describe('conv2dTranspose on wasm reuses prepared filters only while the weights are the same', () => {
  it('follows a variable through assign (the cache is keyed by the weights, not the variable)', async () => {
    const dy = () => randomTensor([2, 4, 4, 3], 21) as tf.Tensor4D;
    const run = (w: tf.Tensor) => tf.conv2dTranspose(dy(), w as tf.Tensor4D, [2, 8, 8, 2], 2, 'same');
    const { cpu } = await onBoth(() => run(randomTensor([3, 3, 2, 3], 23)));
    const { wasm } = await onBoth(() => {
      const v = tf.variable(randomTensor([3, 3, 2, 3], 22));
      run(v).dispose();
      v.assign(randomTensor([3, 3, 2, 3], 23));
      const out = run(v);
      v.dispose();
      return out;
    });
    expectClose(wasm, cpu);
  });
});

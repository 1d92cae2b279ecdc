import { describe, it } from 'vitest';
import { tf } from '../../helpers/tf';
import { expectClose, onBoth, randomTensor } from './compare';

const shapes: Array<[number[][], number]> = [
  [
    [
      [2, 3, 4, 5],
      [2, 3, 4, 7],
    ],
    3,
  ],
  [
    [
      [2, 3, 4, 100],
      [2, 3, 4, 70],
    ],
    -1,
  ],
  [
    [
      [3, 5],
      [1, 5],
      [2, 5],
    ],
    0,
  ],
  [
    [
      [1, 4, 9, 2],
      [1, 4, 1, 2],
    ],
    2,
  ],
  [[[7], [9]], 0],
];

describe('wasm Concat and SplitV match cpu', () => {
  for (const [parts, axis] of shapes) {
    it(`concat ${JSON.stringify(parts)} axis ${axis}`, async () => {
      const { cpu, wasm } = await onBoth(() =>
        tf.concat(
          parts.map((s, i) => randomTensor(s, i + 1)),
          axis,
        ),
      );
      expectClose(wasm, cpu);
    });
    it(`split back into ${JSON.stringify(parts)} along ${axis}`, async () => {
      const sizes = parts.map((s) => s.at(axis) ?? 0);
      for (let which = 0; which < parts.length; which++) {
        const { cpu, wasm } = await onBoth(() => {
          const whole = tf.concat(
            parts.map((s, i) => randomTensor(s, i + 1)),
            axis,
          );
          return tf.split(whole, sizes, axis)[which];
        });
        expectClose(wasm, cpu);
      }
    });
  }

  it('gradient through a channel Concatenate', async () => {
    const { cpu, wasm } = await onBoth(() =>
      tf.grad((x: tf.Tensor) => tf.concat([x.relu(), x.square()], 3).sigmoid().sum())(randomTensor([2, 5, 5, 6], 9)),
    );
    expectClose(wasm, cpu);
  });
});

describe('wasm Sum over leading axes (bias gradients) matches cpu', () => {
  const cases: Array<[number[], number[], boolean]> = [
    [[4, 5, 6, 7], [0, 1, 2], false],
    [[4, 5, 6, 7], [0, 1], true],
    [[33, 3], [0], false],
    [[3, 4, 5], [2], false],
    [[3, 4, 5], [0, 2], false],
  ];
  for (const [shape, axes, keepDims] of cases) {
    it(`sum ${shape} over ${axes} keepDims=${keepDims}`, async () => {
      const { cpu, wasm } = await onBoth(() => tf.sum(randomTensor(shape, 4), axes, keepDims));
      expectClose(wasm, cpu);
    });
  }
});

describe('wasm Identity (tf.clone) shares the buffer', () => {
  it('a clone keeps its values after the original is freed, and frees nothing twice', async () => {
    const { cpu, wasm } = await onBoth(() => {
      const x = randomTensor([3, 7], 5);
      const y = tf.clone(x);
      x.dispose();
      return tf.add(y, 1);
    });
    expectClose(wasm, cpu);
  });
});

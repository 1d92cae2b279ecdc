import { describe, expect, it } from 'vitest';
import { registerWasmKernels } from '../../../src/engine/backend/register-kernels';
import { tf, useBackend } from '../../helpers/tf';
import { expectClose, onBoth, randomTensor } from './compare';

const cases: Array<[number[], number[], boolean, boolean]> = [
  [[7, 13], [13, 5], false, false],
  [[13, 7], [13, 5], true, false],
  [[7, 13], [5, 13], false, true],
  [[13, 7], [5, 13], true, true],
  [[1, 33], [33, 1], false, false],
  [[33, 1], [1, 33], true, true],
  [[128, 31], [128, 9], true, false],
  [[3, 9, 4], [3, 9, 6], true, false],
  [[2, 4, 9], [2, 6, 9], false, true],
  [[2, 9, 4], [1, 6, 9], true, true],
];

describe('wasm BatchMatMul with transpose flags matches cpu', () => {
  for (const [aShape, bShape, ta, tb] of cases) {
    it(`${aShape} x ${bShape} transposeA=${ta} transposeB=${tb}`, async () => {
      const { cpu, wasm } = await onBoth(() => tf.matMul(randomTensor(aShape, 1), randomTensor(bShape, 2), ta, tb));
      expectClose(wasm, cpu);
    });
  }
});

describe('the turned-round wasm matmul (a wide right operand)', () => {
  it('frees every buffer it makes: the backend holds no more data after many calls', async () => {
    await useBackend('wasm');
    registerWasmKernels();
    // [8, 256] × [256, 300]: N ≥ 2M and K·N ≥ 2^16, so the product is computed as Bᵀ·Aᵀ.
    const a = randomTensor([8, 256], 1);
    const b = randomTensor([256, 300], 2);
    const held = () => (tf.backend() as unknown as { numDataIds(): number }).numDataIds();
    tf.matMul(a, b).dispose();
    const before = held();
    for (let i = 0; i < 20; i += 1) tf.matMul(a, b).dispose();
    expect(held()).toBe(before);
    tf.dispose([a, b]);
  });
});

describe('wasm _FusedMatMul with transpose flags matches cpu', () => {
  for (const activation of ['linear', 'relu', 'sigmoid'] as const) {
    for (const [ta, tb] of [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ]) {
      it(`${activation} transposeA=${ta} transposeB=${tb}`, async () => {
        const { cpu, wasm } = await onBoth(() =>
          tf.fused.matMul({
            a: randomTensor(ta ? [11, 6] : [6, 11], 3),
            b: randomTensor(tb ? [9, 11] : [11, 9], 4),
            transposeA: ta,
            transposeB: tb,
            bias: randomTensor([9], 5),
            activation,
          }),
        );
        expectClose(wasm, cpu);
      });
    }
  }

  it('gradient of a fused Dense through tf.grads', async () => {
    const x = () => randomTensor([16, 30], 6);
    const w = () => randomTensor([30, 12], 7);
    const b = () => randomTensor([12], 8);
    for (const which of [0, 1, 2]) {
      const { cpu, wasm } = await onBoth(() => {
        const grads = tf.grads((xi: tf.Tensor, wi: tf.Tensor, bi: tf.Tensor) =>
          tf.fused
            .matMul({
              a: xi as tf.Tensor2D,
              b: wi as tf.Tensor2D,
              bias: bi,
              activation: 'relu',
            })
            .square()
            .sum(),
        )([x(), w(), b()]);
        return grads[which];
      });
      expectClose(wasm, cpu);
    }
  });
});

describe('wasm matmul turned round (the wide operand left unpacked) matches cpu', () => {
  // N ≥ 2M and K·N ≥ 65536: the shapes of a dense layer's weight against a batch.
  const wide: Array<[number[], number[], boolean, boolean]> = [
    [[16, 300], [300, 512], false, false],
    [[300, 16], [300, 512], true, false],
    [[16, 300], [512, 300], false, true],
    [[300, 16], [512, 300], true, true],
    [[1, 16, 300], [1, 512, 300], false, true],
    [[16, 784], [784, 512], false, false],
  ];
  for (const [aShape, bShape, ta, tb] of wide) {
    it(`${aShape} x ${bShape} transposeA=${ta} transposeB=${tb}`, async () => {
      const { cpu, wasm } = await onBoth(() => tf.matMul(randomTensor(aShape, 1), randomTensor(bShape, 2), ta, tb));
      expectClose(wasm, cpu);
    });
  }

  it('a fused matmul of the same shapes (never turned), with and without bias', async () => {
    for (const bias of [undefined, randomTensor([512], 5)]) {
      const { cpu, wasm } = await onBoth(() =>
        tf.fused.matMul({
          a: randomTensor([16, 300], 3) as tf.Tensor2D,
          b: randomTensor([300, 512], 4) as tf.Tensor2D,
          bias,
          activation: bias ? 'relu' : 'linear',
        }),
      );
      expectClose(wasm, cpu);
    }
  });
});

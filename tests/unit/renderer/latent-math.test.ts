import { describe, expect, test } from 'vitest';
import { coordinates, moveAlong, sliderRange } from '../../../src/renderer/src/lib/latent-math';
import { defaultModel } from '../../../src/renderer/src/lib/model-choice';
import type { ModelSummary } from '../../../src/shared/types/app';

describe('slider maths', () => {
  test('per-dimension axes: coordinates are the code itself', () => {
    const dirs = [Float32Array.of(1, 0), Float32Array.of(0, 1)];
    expect(coordinates([0.5, -2], [0, 0], dirs)).toEqual([0.5, -2]);
    expect(Array.from(moveAlong([0.5, -2], dirs, [0.5, -2], [1.5, -2]))).toEqual([1.5, -2]);
  });

  test('principal directions move only along themselves, keeping the rest of the code', () => {
    const s = Math.SQRT1_2;
    const dirs = [Float32Array.of(s, s, 0)];
    const z = [1, 1, 5];
    const c = coordinates(z, [0, 0, 0], dirs);
    expect(c[0]).toBeCloseTo(Math.SQRT2);
    const moved = moveAlong(z, dirs, c, [c[0] + Math.SQRT2]);
    expect(moved[0]).toBeCloseTo(2);
    expect(moved[1]).toBeCloseTo(2);
    expect(moved[2]).toBeCloseTo(5);
    // Back to the origin coordinates gives the drawing's own code: Reset.
    expect(Array.from(moveAlong(z, dirs, c, c))).toEqual(z);
  });

  test('slider range covers ±3σ and the drawing', () => {
    expect(sliderRange(1, 0)).toMatchObject({ min: -3, max: 3 });
    const wide = sliderRange(0.1, 5);
    expect(wide.max).toBeGreaterThan(5);
    expect(wide.step).toBeGreaterThan(0);
  });
});

describe('first-launch model choice', () => {
  const model = (id: string, kind: string, dataset: string, origin: 'shipped' | 'user'): ModelSummary => ({
    id,
    name: id,
    kind,
    dataset,
    origin,
    recipe: 'quickdraw28',
    imageSize: 28,
    latentSize: 2,
    classNames: [],
  });

  test('prefers the first shipped MNIST VAE over Fashion-MNIST, conditional and user models', () => {
    const list = [
      model('shipped:cats-ae', 'conv-ae', 'cat.npy', 'shipped'),
      model('shipped:fashion-vae', 'mlp-vae', 'fashion-mnist', 'shipped'),
      model('shipped:mnist-cvae', 'cvae', 'mnist', 'shipped'),
      model('shipped:mnist-vae', 'mlp-vae', 'mnist', 'shipped'),
      model('user:mine', 'mlp-vae', 'mnist', 'user'),
    ];
    expect(defaultModel(list)?.id).toBe('shipped:mnist-vae');
  });

  test('falls back to any shipped model, then the person’s, then none', () => {
    expect(
      defaultModel([model('user:a', 'mlp-vae', 'x', 'user'), model('shipped:b', 'conv-ae', 'y', 'shipped')])?.id,
    ).toBe('shipped:b');
    expect(defaultModel([model('user:a', 'mlp-vae', 'x', 'user')])?.id).toBe('user:a');
    expect(defaultModel([])).toBeUndefined();
  });
});

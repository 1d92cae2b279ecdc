import type { Tensor2D } from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { bceSum, klDiagonal, klFull, sampleDiagonal, sampleFull, scaleTril } from '../../../src/engine/models/gaussian';
import { useBackend } from '../../helpers/tf';

let tf: Awaited<ReturnType<typeof useBackend>>;

beforeAll(async () => {
  tf = await useBackend('wasm');
});

const softplus = (x: number) => Math.log1p(Math.exp(x)) + 1e-5;
const t2 = (rows: number[][]) => tf.tensor2d(rows) as Tensor2D;

describe('Gaussian maths', () => {
  it('diagonal KL matches ½ Σ (σ² + μ² − 1 − log σ²)', () => {
    const kl = tf.tidy(() =>
      klDiagonal(
        t2([
          [1, 0],
          [0, 0],
        ]),
        t2([
          [0, Math.log(2)],
          [0, 0],
        ]),
      ).arraySync(),
    );
    expect(kl[0]).toBeCloseTo(1 - Math.log(2) / 2, 5);
    expect(kl[1]).toBeCloseTo(0, 6);
  });

  it('builds L with a softplus diagonal, row by row', () => {
    const L = tf.tidy(() => scaleTril(t2([[0.3, -0.7, 1.2]]), 2).arraySync());
    expect(L[0][0][0]).toBeCloseTo(softplus(0.3), 5);
    expect(L[0][0][1]).toBe(0);
    expect(L[0][1][0]).toBeCloseTo(-0.7, 6);
    expect(L[0][1][1]).toBeCloseTo(softplus(1.2), 5);
  });

  it('full-covariance KL to N(m, I) matches the closed form by hand', () => {
    const [r0, b, r1] = [0.3, -0.7, 1.2];
    const a = softplus(r0);
    const c = softplus(r1);
    const mu = [0.5, -1];
    const m = [1, 2];
    // Σ = LLᵀ = [[a², ab], [ab, b² + c²]]; tr Σ = a² + b² + c²; det Σ = a²c²
    const expected =
      0.5 * (a * a + b * b + c * c + (mu[0] - m[0]) ** 2 + (mu[1] - m[1]) ** 2 - 2 - Math.log(a * a * c * c));
    const kl = tf.tidy(() => klFull(t2([mu]), scaleTril(t2([[r0, b, r1]]), 2), t2([m])).arraySync());
    expect(kl[0]).toBeCloseTo(expected, 4);
  });

  it('full KL with a diagonal L equals the diagonal KL with logσ² = 2 log Lᵢᵢ', () => {
    const [diag, full] = tf.tidy(() => {
      const params = t2([[0.1, 0, -0.4, 0, 0, 0.9]]);
      const L = scaleTril(params, 3);
      const d = tf.sum(tf.mul(L, tf.eye(3).reshape([1, 3, 3])), 2) as Tensor2D;
      const logVar = tf.mul(2, tf.log(d)) as Tensor2D;
      const mu = t2([[0.2, -0.3, 1]]);
      return [klDiagonal(mu, logVar).arraySync()[0], klFull(mu, L, tf.zeros([1, 3]) as Tensor2D).arraySync()[0]];
    });
    expect(full).toBeCloseTo(diag, 4);
  });

  it('reparameterisation: z = μ + exp(½ logσ²) ε and z = μ + L ε', () => {
    const zd = tf.tidy(() => sampleDiagonal(t2([[1, 2]]), t2([[Math.log(4), 0]]), t2([[0.5, -1]])).arraySync());
    expect(zd[0][0]).toBeCloseTo(2, 5);
    expect(zd[0][1]).toBeCloseTo(1, 5);
    const zf = tf.tidy(() =>
      sampleFull(t2([[1, 2]]), scaleTril(t2([[0.3, -0.7, 1.2]]), 2), t2([[0.5, -1]])).arraySync(),
    );
    expect(zf[0][0]).toBeCloseTo(1 + softplus(0.3) * 0.5, 5);
    expect(zf[0][1]).toBeCloseTo(2 - 0.7 * 0.5 - softplus(1.2), 5);
  });

  it('BCE is summed over pixels and stays finite at saturated pixels', () => {
    const v = tf.tidy(() => bceSum(t2([[1, 0, 1]]), t2([[0.5, 0.5, 1]])).arraySync());
    expect(v[0]).toBeCloseTo(2 * Math.log(2), 4);
    const s = tf.tidy(() => bceSum(t2([[1]]), t2([[0]])).arraySync());
    expect(Number.isFinite(s[0])).toBe(true);
  });
});

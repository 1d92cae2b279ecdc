import * as tf from '@tensorflow/tfjs';
import { klDiagonal, sampleDiagonal } from '../../models/gaussian';
import type { ArrayKernel } from './array-kernel';

/**
 * The diagonal VAE's reparameterisation z = μ + exp(½ logσ²)·ε and its KL to N(0, I),
 * ½ Σ (σ² + μ² − 1 − logσ²) per row, in one kernel (tfjs: 11 ops forward, ~25 backward, each
 * paying its dispatch on an [N, 2] tensor).
 */
export const SAMPLE_KL = 'LatentDrawDiagonalSampleKl';
export const SAMPLE_KL_GRAD = 'LatentDrawDiagonalSampleKlGrad';

/** inputs mu, logVar, eps [N, k] → z [N, k], kl [N]. */
export const sampleKlKernel: ArrayKernel = {
  kernelName: SAMPLE_KL,
  inputNames: () => ['mu', 'logVar', 'eps'],
  outputShapes: ([mu]) => [mu.shape, [mu.shape[0]]],
  compute([mu, logVar, eps], [z, kl], [shape]) {
    const [rows, k] = shape;
    for (let r = 0, i = 0; r < rows; r++) {
      let sum = 0;
      for (let j = 0; j < k; j++, i++) {
        const lv = logVar[i];
        z[i] = mu[i] + Math.exp(0.5 * lv) * eps[i];
        sum += Math.exp(lv) + mu[i] * mu[i] - 1 - lv;
      }
      kl[r] = 0.5 * sum;
    }
  },
};

/**
 * inputs mu, logVar, eps, dz [N, k], dkl [N] and attr `wrt` → dμ = dz + dkl·μ (wrt 'mu') or
 * dlogσ² = ½·dz·exp(½ logσ²)·ε + ½·dkl·(exp(logσ²) − 1) (wrt 'logVar'). One output per call:
 * tfjs computes each input's gradient in its own scope.
 */
export const sampleKlGradKernel: ArrayKernel = {
  kernelName: SAMPLE_KL_GRAD,
  inputNames: () => ['mu', 'logVar', 'eps', 'dz', 'dkl'],
  outputShapes: ([mu]) => [mu.shape],
  compute([mu, logVar, eps, dz, dkl], [out], [shape], attrs) {
    const [rows, k] = shape;
    const wrtMu = (attrs as unknown as { wrt: 'mu' | 'logVar' }).wrt === 'mu';
    for (let r = 0, i = 0; r < rows; r++) {
      const d = dkl[r];
      for (let j = 0; j < k; j++, i++) {
        const lv = logVar[i];
        out[i] = wrtMu ? dz[i] + d * mu[i] : 0.5 * dz[i] * Math.exp(0.5 * lv) * eps[i] + 0.5 * d * (Math.exp(lv) - 1);
      }
    }
  },
};

const sampleKlGradient: Parameters<typeof tf.registerGradient>[0] = {
  kernelName: SAMPLE_KL,
  inputsToSave: ['mu', 'logVar', 'eps'],
  gradFunc: (dy, saved) => {
    const [mu, logVar, eps] = saved;
    const [dzOrNull, dklOrNull] = dy as Array<tf.Tensor | null>;
    // An output outside the loss gets no gradient from tfjs: it contributes zero.
    const dz = () => dzOrNull ?? tf.zerosLike(mu);
    const dkl = () => dklOrNull ?? tf.zeros([mu.shape[0]]);
    const wrt = (name: 'mu' | 'logVar') => () =>
      tf.engine().runKernel(SAMPLE_KL_GRAD, { mu, logVar, eps, dz: dz(), dkl: dkl() }, { wrt: name }) as tf.Tensor;
    return {
      mu: wrt('mu'),
      logVar: wrt('logVar'),
      eps: () => tf.mul(dz(), tf.exp(tf.mul(0.5, logVar))),
    };
  },
};

export function registerSampleKlGradient(): void {
  if (!tf.getGradient(SAMPLE_KL)) tf.registerGradient(sampleKlGradient);
}

/** z and the per-row KL: the fused kernel where this backend has it, tfjs's ops elsewhere. */
export function fusedSampleKl(
  mu: tf.Tensor2D,
  logVar: tf.Tensor2D,
  eps: tf.Tensor2D,
): { z: tf.Tensor2D; kl: tf.Tensor1D } {
  if (!tf.getKernel(SAMPLE_KL, tf.getBackend())) {
    return { z: sampleDiagonal(mu, logVar, eps), kl: klDiagonal(mu, logVar) };
  }
  const [z, kl] = tf.engine().runKernel(SAMPLE_KL, { mu, logVar, eps }) as unknown as [tf.Tensor2D, tf.Tensor1D];
  return { z, kl };
}

import * as tf from '@tensorflow/tfjs';
import { trilSize } from './types';

/** Keras clips probabilities the same way; keeps log() finite when a pixel saturates. */
export const BCE_EPSILON = 1e-7;
/** Added to the softplus diagonal of L, as TFP's FillScaleTriL does, so L stays invertible. */
export const SCALE_DIAG_SHIFT = 1e-5;

/** Binary cross-entropy summed over pixels: one value per drawing, shape [N]. */
export function bceSum(target: tf.Tensor2D, probs: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const p = tf.clipByValue(probs, BCE_EPSILON, 1 - BCE_EPSILON);
    const ll = tf.add(tf.mul(target, tf.log(p)), tf.mul(tf.sub(1, target), tf.log(tf.sub(1, p))));
    return tf.neg(tf.sum(ll, 1)) as tf.Tensor1D;
  });
}

/** KL(N(μ, diag σ²) ‖ N(0, I)) = ½ Σ (σ² + μ² − 1 − log σ²), shape [N]. */
export function klDiagonal(mu: tf.Tensor2D, logVar: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(
    () => tf.mul(0.5, tf.sum(tf.sub(tf.sub(tf.add(tf.exp(logVar), tf.square(mu)), 1), logVar), 1)) as tf.Tensor1D,
  );
}

/** z = μ + exp(½ logσ²) · ε */
export function sampleDiagonal(mu: tf.Tensor2D, logVar: tf.Tensor2D, eps: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => tf.add(mu, tf.mul(tf.exp(tf.mul(0.5, logVar)), eps)) as tf.Tensor2D);
}

/** Row-by-row position of (i, j), j ≤ i, among the k(k+1)/2 parameters. */
export function trilIndex(i: number, j: number): number {
  return (i * (i + 1)) / 2 + j;
}

/**
 * Lower-triangular scale L [N, k, k] from raw parameters [N, k(k+1)/2]: off-diagonal entries as
 * they are, diagonal through softplus (+shift) so it is positive. Built with matMuls by constant
 * 0/1 matrices rather than gather/scatter, whose gradients not every backend has.
 */
export function scaleTril(params: tf.Tensor2D, k: number): tf.Tensor3D {
  return tf.tidy(() => {
    const p = trilSize(k);
    const place = new Float32Array(p * k * k);
    const pickDiag = new Float32Array(p * k);
    for (let i = 0; i < k; i += 1) {
      for (let j = 0; j < i; j += 1) place[trilIndex(i, j) * k * k + i * k + j] = 1;
      pickDiag[trilIndex(i, i) * k + i] = 1;
    }
    const n = params.shape[0];
    const off = tf.reshape(tf.matMul(params, tf.tensor2d(place, [p, k * k])), [n, k, k]);
    const diag = tf.add(tf.softplus(tf.matMul(params, tf.tensor2d(pickDiag, [p, k]))), SCALE_DIAG_SHIFT);
    const diagMatrix = tf.mul(tf.reshape(diag, [n, k, 1]), tf.eye(k).reshape([1, k, k]));
    return tf.add(off, diagMatrix) as tf.Tensor3D;
  });
}

/** Diagonal of each L, [N, k]. */
function diagonalOf(scale: tf.Tensor3D): tf.Tensor2D {
  const k = scale.shape[1];
  return tf.sum(tf.mul(scale, tf.eye(k).reshape([1, k, k])), 2) as tf.Tensor2D;
}

/** z = μ + L ε */
export function sampleFull(mu: tf.Tensor2D, scale: tf.Tensor3D, eps: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const [n, k] = eps.shape;
    return tf.add(mu, tf.sum(tf.mul(scale, tf.reshape(eps, [n, 1, k])), 2)) as tf.Tensor2D;
  });
}

/**
 * KL(N(μ, LLᵀ) ‖ N(m, I)) = ½ (tr(LLᵀ) + ‖μ − m‖² − k − log det LLᵀ), with tr(LLᵀ) = Σ L²ᵢⱼ
 * and log det LLᵀ = 2 Σ log Lᵢᵢ. Shape [N].
 */
export function klFull(mu: tf.Tensor2D, scale: tf.Tensor3D, priorMean: tf.Tensor2D): tf.Tensor1D {
  return tf.tidy(() => {
    const k = mu.shape[1];
    const trace = tf.sum(tf.square(scale), [1, 2]);
    const dist = tf.sum(tf.square(tf.sub(mu, priorMean)), 1);
    const logDet = tf.mul(2, tf.sum(tf.log(diagonalOf(scale)), 1));
    return tf.mul(0.5, tf.sub(tf.sub(tf.add(trace, dist), k), logDet)) as tf.Tensor1D;
  });
}

import * as tf from '@tensorflow/tfjs';
import { fusedBceSum } from '../backend/kernels/bce';
import { fusedSampleKl } from '../backend/kernels/reparam-kl';
import { klFull, sampleFull, scaleTril } from './gaussian';
import type { LatentModel } from './types';

export interface Batch {
  /** [N, S²] what the encoder sees (noisy for the denoising autoencoder). */
  input: tf.Tensor2D;
  /** [N, S²] what the decoder should produce. */
  target: tf.Tensor2D;
  /** [N, classes], needed by conditional kinds. */
  oneHot?: tf.Tensor2D;
}

export interface LossTerms {
  /** Mean over the batch of the per-drawing BCE summed over pixels. */
  reconstruction: tf.Scalar;
  /** Mean over the batch of the per-drawing KL (0 for the plain autoencoder). */
  kl: tf.Scalar;
}

export const FORWARD_ERRORS = {
  missingLabels: 'this model is conditional: labels (one-hot) are required',
} as const;

function asList(out: tf.Tensor | tf.Tensor[]): tf.Tensor[] {
  return Array.isArray(out) ? out : [out];
}

function encoderInputs(model: LatentModel, images: tf.Tensor2D, oneHot?: tf.Tensor2D): tf.Tensor[] {
  if (!model.conditionalInputs) return [images];
  if (!oneHot) throw new Error(FORWARD_ERRORS.missingLabels);
  return [images, oneHot];
}

/** Encoder outputs: [code] or [mu, logVar] or [mu, scaleParams]. */
export function runEncoder(
  model: LatentModel,
  images: tf.Tensor2D,
  oneHot?: tf.Tensor2D,
  training = false,
): tf.Tensor2D[] {
  return asList(
    model.encoder.apply(encoderInputs(model, images, oneHot), { training }) as tf.Tensor | tf.Tensor[],
  ) as tf.Tensor2D[];
}

export function runDecoder(model: LatentModel, z: tf.Tensor2D, oneHot?: tf.Tensor2D, training = false): tf.Tensor2D {
  const inputs = model.conditionalInputs ? [z, requireLabels(oneHot)] : [z];
  return asList(model.decoder.apply(inputs, { training }) as tf.Tensor | tf.Tensor[])[0] as tf.Tensor2D;
}

function requireLabels(oneHot: tf.Tensor2D | undefined): tf.Tensor2D {
  if (!oneHot) throw new Error(FORWARD_ERRORS.missingLabels);
  return oneHot;
}

/** Prior mean per drawing: the learned class mean for `cvae-prior`, 0 otherwise. */
export function priorMean(model: LatentModel, batchSize: number, oneHot?: tf.Tensor2D): tf.Tensor2D {
  if (!model.prior) return tf.zeros([batchSize, model.config.latentSize]);
  return model.prior.apply(requireLabels(oneHot)) as tf.Tensor2D;
}

/**
 * One stochastic forward pass and its two loss terms. `eps` is the reparameterisation noise
 * [N, k] (passed in so training stays seeded). Call inside tf.tidy / variableGrads.
 */
export function lossTerms(model: LatentModel, batch: Batch, eps: tf.Tensor2D, training = true): LossTerms {
  const outs = runEncoder(model, batch.input, batch.oneHot, training);
  let z: tf.Tensor2D;
  let kl: tf.Tensor1D | undefined;
  if (model.posterior === 'deterministic') {
    z = outs[0];
  } else if (model.posterior === 'diagonal') {
    // sampleDiagonal and klDiagonal, as one fused kernel each way on wasm and cpu.
    ({ z, kl } = fusedSampleKl(outs[0], outs[1], eps));
  } else {
    const scale = scaleTril(outs[1], model.config.latentSize);
    z = sampleFull(outs[0], scale, eps);
    kl = klFull(outs[0], scale, priorMean(model, batch.input.shape[0], batch.oneHot));
  }
  const probs = runDecoder(model, z, batch.oneHot, training);
  return {
    // The same clipped BCE as bceSum, one fused kernel each way on wasm and cpu.
    reconstruction: tf.mean(fusedBceSum(batch.target, probs)) as tf.Scalar,
    kl: kl ? (tf.mean(kl) as tf.Scalar) : tf.scalar(0),
  };
}

import * as tf from '@tensorflow/tfjs';
import { lossTerms } from '../../models/forward';
import type { LatentModel } from '../../models/types';

/** Noise std of the denoising autoencoder's inputs. */
export const DENOISING_STD = 0.3;

export function trainableVariables(model: LatentModel): tf.Variable[] {
  const parts = [model.encoder, model.decoder, model.prior].filter((p): p is tf.LayersModel => p !== undefined);
  return parts.flatMap((p) => p.trainableWeights.map((w) => w.read() as tf.Variable));
}

export function noisyInput(images: tf.Tensor2D, seed: number): tf.Tensor2D {
  return tf.tidy(() =>
    tf.clipByValue(tf.add(images, tf.randomNormal(images.shape, 0, DENOISING_STD, 'float32', seed)), 0, 1),
  ) as tf.Tensor2D;
}

export interface StepInput {
  images: tf.Tensor2D;
  oneHot?: tf.Tensor2D;
  /** Seed of the reparameterisation noise ε. */
  epsSeed: number;
  /** Seed of the input noise (denoising autoencoder only). */
  noiseSeed?: number;
  beta: number;
}

/**
 * The training objective of one batch: reconstruction + β·KL, and the two terms apart (kept,
 * for progress). The same function runs on the main thread and in a gradient worker.
 */
export function stepLoss(model: LatentModel, input: StepInput): { total: tf.Scalar; parts: tf.Tensor1D } {
  const n = input.images.shape[0];
  const eps = tf.randomNormal([n, model.config.latentSize], 0, 1, 'float32', input.epsSeed) as tf.Tensor2D;
  const noisy = input.noiseSeed === undefined ? input.images : noisyInput(input.images, input.noiseSeed);
  const terms = lossTerms(model, { input: noisy, target: input.images, oneHot: input.oneHot }, eps, true);
  const parts = tf.keep(tf.stack([terms.reconstruction, terms.kl])) as tf.Tensor1D;
  return { total: tf.add(terms.reconstruction, tf.mul(input.beta, terms.kl)) as tf.Scalar, parts };
}

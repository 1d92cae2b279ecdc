import type * as tf from '@tensorflow/tfjs';
import { isConditionalKind } from '../../shared/model-kinds';
import type { RasterRecipe } from '../data/training-data.types';

export const MODEL_KINDS = ['conv-ae', 'mlp-vae', 'conv-vae', 'cvae', 'cvae-prior'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** How the encoder describes q(z|x): a plain code, a diagonal Gaussian, or a full-covariance one. */
export type PosteriorKind = 'deterministic' | 'diagonal' | 'full';

/** Everything a builder needs; builders are pure functions of this. */
export interface ModelConfig {
  kind: ModelKind;
  recipe: RasterRecipe;
  imageSize: number;
  latentSize: number;
  /** Width of the hidden Dense layer of MLP models (ignored by conv models). */
  hiddenSize: number;
  /** Number of classes for the conditional kinds (ignored otherwise). */
  numClasses: number;
  /** Seed of the weight initialisers. */
  seed: number;
}

/**
 * A built or loaded model. Every part is a plain tfjs LayersModel made of standard layers, so
 * `tf.loadLayersModel` can read each one on its own.
 *
 * Images go in and come out flattened: [N, imageSize²] in [0, 1].
 * - encoder inputs: [images] or, for `cvae`, [images, oneHot]; outputs: [code] for the
 *   autoencoder, [mu, logVar] for diagonal VAEs, [mu, scaleParams] for `cvae-prior`
 *   (scaleParams: the k(k+1)/2 raw entries of the lower-triangular scale, row by row).
 * - decoder inputs: [z] or, for `cvae`, [z, oneHot]; output: [N, imageSize²].
 * - prior (only `cvae-prior`): oneHot → per-class prior mean.
 */
export interface LatentModel {
  config: ModelConfig;
  posterior: PosteriorKind;
  /** True when encoder and decoder take the one-hot label as a second input. */
  conditionalInputs: boolean;
  encoder: tf.LayersModel;
  decoder: tf.LayersModel;
  prior?: tf.LayersModel;
  dispose(): void;
}

export function posteriorOf(kind: ModelKind): PosteriorKind {
  if (kind === 'conv-ae') return 'deterministic';
  return kind === 'cvae-prior' ? 'full' : 'diagonal';
}

export function isConditional(kind: ModelKind): boolean {
  return isConditionalKind(kind);
}

/** Conv kinds train only on backends with Conv2DBackpropFilter (cpu, native; not stock wasm). */
export function isConvolutional(kind: ModelKind): boolean {
  return kind === 'conv-ae' || kind === 'conv-vae';
}

export function trilSize(latentSize: number): number {
  return (latentSize * (latentSize + 1)) / 2;
}

import type * as tf from '@tensorflow/tfjs';
import { isConditionalKind, KIND_SPECS, type ModelKind, type PosteriorKind } from '../../shared/model-kinds';
import type { RasterRecipe } from '../data/training-data.types';

// A kind and what it implies are defined once, in the shared kind spec.
export { MODEL_KINDS, type ModelKind, type PosteriorKind } from '../../shared/model-kinds';

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
 * - encoder inputs: [images] or, where the kind's conditioning is `inputs`, [images, oneHot];
 *   outputs: [code] for a deterministic posterior, [mu, logVar] for a diagonal one, [mu,
 *   scaleParams] for a full one (scaleParams: the k(k+1)/2 raw entries of the lower-triangular
 *   scale, row by row).
 * - decoder inputs: [z] or, where the conditioning is `inputs`, [z, oneHot]; output: [N, imageSize²].
 * - prior (where the conditioning is `prior`): oneHot → per-class prior mean.
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

export function isConditional(kind: ModelKind): boolean {
  return isConditionalKind(kind);
}

/** Conv kinds train only on backends with Conv2DBackpropFilter (cpu, native; not stock wasm). */
export function isConvolutional(kind: ModelKind): boolean {
  return KIND_SPECS[kind].convolutional;
}

export function trilSize(latentSize: number): number {
  return (latentSize * (latentSize + 1)) / 2;
}

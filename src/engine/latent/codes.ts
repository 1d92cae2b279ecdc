import * as tf from '@tensorflow/tfjs';
import { FORWARD_ERRORS, runDecoder, runEncoder } from '../models/forward';
import type { LatentModel } from '../models/types';
import { oneHotRows } from '../train/step/batches';

/** Rows per forward pass: bounds memory on large sets, keeps each call short for the host. */
const CHUNK = 256;

export const LATENT_ERRORS = {
  badImages: 'images must be count × imageSize² values',
  badLatents: 'latent vectors must be count × latentSize values',
  badClass: 'class index out of range for this model',
  badWeights: 'class weights must have one value per class',
  noPrior: 'this model has no class prior',
  notConditional: 'this model is not conditional',
} as const;

export interface Conditioning {
  /** One class per row (conditional models). */
  labels?: ArrayLike<number>;
  /** Or a row of weights over the classes per row (class blending); count × numClasses. */
  classWeights?: Float32Array;
}

function conditioningRows(
  model: LatentModel,
  count: number,
  cond: Conditioning,
  start: number,
  end: number,
): Float32Array | undefined {
  const c = model.config.numClasses;
  if (cond.classWeights) {
    if (cond.classWeights.length !== count * c) throw new Error(LATENT_ERRORS.badWeights);
    return cond.classWeights.subarray(start * c, end * c);
  }
  if (cond.labels) {
    const rows = Array.from({ length: end - start }, (_, i) => cond.labels![start + i]);
    if (rows.some((l) => !(l >= 0 && l < c))) throw new Error(LATENT_ERRORS.badClass);
    return oneHotRows(rows, c);
  }
  return undefined;
}

function needsLabels(model: LatentModel, cond: Conditioning): void {
  if (model.conditionalInputs && !cond.labels && !cond.classWeights) throw new Error(FORWARD_ERRORS.missingLabels);
}

/**
 * Mean codes μ of `count` flattened drawings (the code itself for the autoencoder): count × k.
 * Conditional `cvae` needs `labels`.
 */
export async function encodeImages(
  model: LatentModel,
  images: Float32Array,
  count: number,
  cond: Conditioning = {},
): Promise<Float32Array> {
  const px = model.config.imageSize ** 2;
  const k = model.config.latentSize;
  if (images.length !== count * px) throw new Error(LATENT_ERRORS.badImages);
  needsLabels(model, cond);
  const out = new Float32Array(count * k);
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const rows = conditioningRows(model, count, cond, start, end);
    const mu = tf.tidy(() => {
      const x = tf.tensor2d(images.subarray(start * px, end * px), [end - start, px]);
      const oneHot = rows ? tf.tensor2d(rows, [end - start, model.config.numClasses]) : undefined;
      return runEncoder(model, x, oneHot)[0];
    });
    out.set(await mu.data(), start * k);
    mu.dispose();
  }
  return out;
}

/** Images (count × S², in [0, 1]) for `count` latent vectors. Conditional `cvae` needs a class. */
export async function decodeLatents(
  model: LatentModel,
  latents: Float32Array,
  count: number,
  cond: Conditioning = {},
): Promise<Float32Array> {
  const px = model.config.imageSize ** 2;
  const k = model.config.latentSize;
  if (latents.length !== count * k) throw new Error(LATENT_ERRORS.badLatents);
  needsLabels(model, cond);
  const out = new Float32Array(count * px);
  for (let start = 0; start < count; start += CHUNK) {
    const end = Math.min(count, start + CHUNK);
    const rows = model.conditionalInputs ? conditioningRows(model, count, cond, start, end) : undefined;
    const images = tf.tidy(() => {
      const z = tf.tensor2d(latents.subarray(start * k, end * k), [end - start, k]);
      const oneHot = rows ? tf.tensor2d(rows, [end - start, model.config.numClasses]) : undefined;
      return runDecoder(model, z, oneHot);
    });
    out.set(await images.data(), start * px);
    images.dispose();
  }
  return out;
}

/** Splits a flat block into rows (for callers that want one array per drawing). */
export function rows(flat: Float32Array, width: number): Float32Array[] {
  const out: Float32Array[] = [];
  for (let i = 0; i < flat.length; i += width) out.push(flat.slice(i, i + width));
  return out;
}

import type { LatentModel } from '../models/types';
import { decodeLatents, LATENT_ERRORS } from './codes';
import { classPriorMeans, samplePrior } from './sample';

/** `count` drawings of one class: sampled z decoded with the class (cvae) or around its prior mean (cvae-prior). */
export async function sampleClass(
  model: LatentModel,
  label: number,
  count: number,
  seed: number,
): Promise<Float32Array> {
  if (!model.conditionalInputs && !model.prior) throw new Error(LATENT_ERRORS.notConditional);
  if (!(label >= 0 && label < model.config.numClasses)) throw new Error(LATENT_ERRORS.badClass);
  const z = await samplePrior(model, count, seed, label);
  return decodeLatents(model, z, count, { labels: new Int32Array(count).fill(label) });
}

/**
 * Class blending (Cookbook): one latent z decoded under a mix of classes. `cvae` feeds the
 * weights where the one-hot goes; `cvae-prior` moves z by the weighted prior means.
 * Returns count × S² for the `count` latent vectors in `latents`.
 */
export async function blendClasses(
  model: LatentModel,
  latents: Float32Array,
  count: number,
  weights: ArrayLike<number>,
): Promise<Float32Array> {
  const c = model.config.numClasses;
  if (weights.length !== c) throw new Error(LATENT_ERRORS.badWeights);
  if (model.conditionalInputs) {
    const classWeights = new Float32Array(count * c);
    for (let i = 0; i < count; i += 1) for (let j = 0; j < c; j += 1) classWeights[i * c + j] = weights[j];
    return decodeLatents(model, latents, count, { classWeights });
  }
  if (!model.prior) throw new Error(LATENT_ERRORS.notConditional);
  const k = model.config.latentSize;
  const mean = await classPriorMeans(model, weights);
  const moved = latents.map((v, i) => v + mean[i % k]);
  return decodeLatents(model, moved, count);
}

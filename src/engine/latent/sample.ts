import * as tf from '@tensorflow/tfjs';
import type { LatentModel } from '../models/types';
import { mulberry32 } from '../train/run/rng';
import { oneHotRows } from '../train/step/batches';
import { LATENT_ERRORS } from './codes';

/** count×dim standard normal values, seeded (Box–Muller over mulberry32). */
export function standardNormal(count: number, dim: number, seed: number): Float32Array {
  const rand = mulberry32(seed);
  const out = new Float32Array(count * dim);
  for (let i = 0; i < out.length; i += 2) {
    const u = Math.max(rand(), 1e-12);
    const v = rand();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

/**
 * Prior means (numClasses × k) of a `cvae-prior` model, or a weighted blend of them when
 * `weights` (one per class) is given.
 */
export async function classPriorMeans(model: LatentModel, weights?: ArrayLike<number>): Promise<Float32Array> {
  if (!model.prior) throw new Error(LATENT_ERRORS.noPrior);
  const c = model.config.numClasses;
  if (weights && weights.length !== c) throw new Error(LATENT_ERRORS.badWeights);
  const rows = weights
    ? Float32Array.from(weights)
    : oneHotRows(
        Array.from({ length: c }, (_, i) => i),
        c,
      );
  const out = tf.tidy(() => model.prior!.predict(tf.tensor2d(rows, [rows.length / c, c])) as tf.Tensor);
  const values = (await out.data()) as Float32Array;
  out.dispose();
  return values;
}

/**
 * `count` latent vectors from the prior: N(0, I), or N(m_class, I) for `cvae-prior` when a
 * class is given (its learned prior mean).
 */
export async function samplePrior(
  model: LatentModel,
  count: number,
  seed: number,
  label?: number,
): Promise<Float32Array> {
  const k = model.config.latentSize;
  const z = standardNormal(count, k, seed);
  if (label === undefined || !model.prior) return z;
  if (!(label >= 0 && label < model.config.numClasses)) throw new Error(LATENT_ERRORS.badClass);
  const means = await classPriorMeans(model);
  for (let i = 0; i < count; i += 1) for (let d = 0; d < k; d += 1) z[i * k + d] += means[label * k + d];
  return z;
}

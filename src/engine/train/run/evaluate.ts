import * as tf from '@tensorflow/tfjs';
import { bytesToUnit } from '../../data/raster/pixel-bytes';
import type { TrainingData } from '../../data/training-data.types';
import { lossTerms, runDecoder, runEncoder } from '../../models/forward';
import type { LatentModel } from '../../models/types';
import { batchTensors, disposeBatch } from '../step/batches';
import type { LatentCodes, ReconstructionSample } from '../progress';
import { derivedSeed, shuffled } from './rng';
import type { TrainSettings } from '../settings';

const NOISE_VALIDATION = 4;
const SPLIT = 5;
const EVAL_BATCH = 500;

/** The data's own split, or a seeded one by validationShare when it has none. */
export function splitIndexes(
  data: TrainingData,
  settings: TrainSettings,
): { trainIndex: Int32Array; validationIndex: Int32Array } {
  if (data.validationIndex.length > 0 || settings.validationShare <= 0) {
    return {
      trainIndex: data.trainIndex,
      validationIndex: data.validationIndex,
    };
  }
  const all = shuffled(data.trainIndex, derivedSeed(settings.seed, SPLIT, 0));
  const cut = Math.max(1, Math.round(all.length * settings.validationShare));
  return {
    trainIndex: all.subarray(cut),
    validationIndex: all.subarray(0, cut),
  };
}

/** Mean reconstruction and KL over the validation drawings, with fixed sampling noise. */
export async function evaluate(
  model: LatentModel,
  data: TrainingData,
  indexes: Int32Array,
  settings: TrainSettings,
  numClasses: number,
): Promise<{ reconstruction: number; kl: number }> {
  if (indexes.length === 0) return { reconstruction: NaN, kl: NaN };
  let rec = 0;
  let kl = 0;
  for (let start = 0; start < indexes.length; start += EVAL_BATCH) {
    const idx = indexes.subarray(start, start + EVAL_BATCH);
    const batch = batchTensors(data, idx, numClasses);
    const sums = tf.tidy(() => {
      const eps = tf.randomNormal(
        [idx.length, model.config.latentSize],
        0,
        1,
        'float32',
        derivedSeed(settings.seed, NOISE_VALIDATION, start),
      ) as tf.Tensor2D;
      const terms = lossTerms(model, { input: batch.images, target: batch.images, oneHot: batch.oneHot }, eps, false);
      return tf.stack([tf.mul(terms.reconstruction, idx.length), tf.mul(terms.kl, idx.length)]);
    });
    disposeBatch(batch);
    const [r, k] = Array.from(await sums.data());
    sums.dispose();
    rec += r;
    kl += k;
  }
  return { reconstruction: rec / indexes.length, kl: kl / indexes.length };
}

/** Decodes the mean code of a few fixed drawings: what the UI shows after each epoch. */
export async function reconstructSample(
  model: LatentModel,
  data: TrainingData,
  indexes: number[],
  numClasses: number,
): Promise<ReconstructionSample> {
  const px = data.imageSize * data.imageSize;
  const originals = indexes.map((i) => bytesToUnit(data.images.subarray(i * px, (i + 1) * px)));
  if (indexes.length === 0)
    return {
      indexes,
      imageSize: data.imageSize,
      originals,
      reconstructions: [],
    };
  const flat = tf.tidy(() => {
    const batch = batchTensors(data, indexes, numClasses);
    const z = runEncoder(model, batch.images, batch.oneHot)[0];
    return runDecoder(model, z, batch.oneHot);
  });
  const all = (await flat.data()) as Float32Array;
  flat.dispose();
  return {
    indexes,
    imageSize: data.imageSize,
    originals,
    reconstructions: indexes.map((_, i) => all.slice(i * px, (i + 1) * px)),
  };
}

/** The mean codes of some validation drawings: the points of the live latent map. */
export async function validationCodes(
  model: LatentModel,
  data: TrainingData,
  indexes: Int32Array,
  numClasses: number,
): Promise<LatentCodes> {
  const latentSize = model.config.latentSize;
  if (indexes.length === 0) return { indexes: new Int32Array(0), latentSize, values: new Float32Array(0) };
  const codes = tf.tidy(() => {
    const batch = batchTensors(data, indexes, numClasses);
    return runEncoder(model, batch.images, batch.oneHot)[0];
  });
  const values = (await codes.data()) as Float32Array;
  codes.dispose();
  return { indexes: Int32Array.from(indexes), latentSize, values };
}

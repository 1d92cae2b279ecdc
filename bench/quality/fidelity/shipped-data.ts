/**
 * The data of the shipped models and the split they hold out, in one place, so the models are
 * trained on exactly the images the benchmark does not score them on (and the judge learns
 * from the same training side).
 */
import { join } from 'node:path';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { augmentDigits, DIGIT_AUGMENT, type AugmentRange } from '../../../src/engine/data/raster/augment';
import { bytesToUnit, unitToBytes } from '../../../src/engine/data/raster/pixel-bytes';
import { gatherBytes, gatherImages } from '../../../src/engine/train/step/batches';
import type { ModelKind } from '../../../src/engine/models/types';
import type { TrainSettings } from '../../../src/engine/train/settings';

export const DIGITS_FILE = 'data/mnist-t10k-images-idx3-ubyte.gz';
export const CATS_FILE = 'data/cat.first3000.npy';
/**
 * Rows 0–24 of the cat bitmaps are the same drawings as the 25 raw cat drawings the benchmark
 * sends through the canvas path, so no model trains on them.
 */
export const CATS_DRAWN_ROWS = 25;
export const SPLIT = { seed: 1, validationShare: 0.1 } as const;

/** MNIST t10k (the 10k digits the app ships), 9,000 to train on and 1,000 held out. */
export async function digitData(resourcesRoot: string): Promise<TrainingData> {
  return loadTrainingData(join(resourcesRoot, DIGITS_FILE), 'mnist28', SPLIT);
}

/** The 3,000 Quick, Draw! cat bitmaps less the drawn ones; 10 % held out. */
export async function catData(resourcesRoot: string): Promise<TrainingData> {
  const data = await loadTrainingData(join(resourcesRoot, CATS_FILE), 'quickdraw28', SPLIT);
  const keep = (index: Int32Array) => index.filter((i) => i >= CATS_DRAWN_ROWS);
  return { ...data, trainIndex: keep(data.trainIndex), validationIndex: keep(data.validationIndex) };
}

/** Augmented copies of each training digit (the held-out ones are left as they are). */
export const DIGIT_COPIES = 2;
/** Cats: the same, milder (a cat drawn on a slant is rarer than a slanted digit). */
export const CAT_COPIES = 2;
export const CAT_AUGMENT: AugmentRange = { scale: 0.1, aspect: 0, shear: 0.15, rotate: 0.1, shift: 1.5, stroke: 0.3 };

/**
 * The training side plus `copies` slanted, scaled, shifted, thicker or thinner copies of each
 * training image, seeded; validation stays the original held-out images.
 */
export function withAugmentedCopies(
  data: TrainingData,
  copies: number,
  seed: number,
  range: AugmentRange = DIGIT_AUGMENT,
): TrainingData {
  const px = data.imageSize * data.imageSize;
  const n = data.trainIndex.length;
  const count = data.count + copies * n;
  const images = new Uint8Array(count * px);
  images.set(data.images.subarray(0, data.count * px));
  const labels = new Int32Array(count);
  labels.set(data.labels.subarray(0, data.count));
  // The augmentation resamples in floats; its copies are stored as bytes, as all training data is.
  const originals = bytesToUnit(gatherBytes(data, data.trainIndex));
  const augmented = new Float32Array(n * px);
  const trainIndex = new Int32Array((copies + 1) * n);
  trainIndex.set(data.trainIndex);
  for (let c = 0; c < copies; c++) {
    const start = data.count + c * n;
    augmentDigits(originals, n, data.imageSize, seed + c, augmented, range);
    unitToBytes(augmented, images.subarray(start * px, (start + n) * px));
    data.trainIndex.forEach((src, i) => {
      labels[start + i] = data.labels[src];
      trainIndex[(c + 1) * n + i] = start + i;
    });
  }
  return { ...data, count, images, labels, trainIndex };
}

/**
 * The shipped cat autoencoder's kind and training settings, in one place: train:defaults trains
 * it so, and the sketch peer trains its PyTorch twin so where no such model is on disk.
 */
export const CAT_AE_KIND = 'strided-ae' satisfies ModelKind;
export const CAT_AE_SETTINGS = {
  epochs: 30,
  batchSize: 64,
  latentSize: 128,
  learningRate: 1e-3,
  optimizer: 'adam',
  denoising: true,
  seed: 1,
} as const satisfies Partial<TrainSettings>;

/** What the shipped cat models train on: the cat bitmaps above plus their augmented copies. */
export async function catTrainingData(resourcesRoot: string): Promise<TrainingData> {
  return withAugmentedCopies(await catData(resourcesRoot), CAT_COPIES, 21, CAT_AUGMENT);
}

/** The images at `index`, as one block. */
export function gather(
  data: TrainingData,
  index: Int32Array,
): { images: Float32Array; labels: Int32Array; count: number } {
  return {
    images: gatherImages(data, index),
    labels: Int32Array.from(index, (i) => data.labels[i]),
    count: index.length,
  };
}

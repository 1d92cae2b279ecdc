/**
 * The data of the shipped models and the split they hold out, in one place, so the models are
 * trained on exactly the images the benchmark does not score them on (and the judge learns
 * from the same training side).
 */
import { join } from 'node:path';
import { loadTrainingData } from '../../../src/engine/data/training-data';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { gatherImages } from '../../../src/engine/train/step/batches';

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

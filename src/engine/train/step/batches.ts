import * as tf from '@tensorflow/tfjs';
import { BYTE_TO_UNIT } from '../../data/raster/pixel-bytes';
import type { TrainingData } from '../../data/training-data.types';

/** Copies the chosen drawings' bytes into one contiguous [n, S²] block (what a helper thread is sent). */
export function gatherBytes(data: TrainingData, indexes: ArrayLike<number>): Uint8Array {
  const px = data.imageSize * data.imageSize;
  const out = new Uint8Array(indexes.length * px);
  for (let i = 0; i < indexes.length; i += 1) {
    const start = indexes[i] * px;
    out.set(data.images.subarray(start, start + px), i * px);
  }
  return out;
}

/**
 * The chosen drawings as one contiguous [n, S²] block of [0, 1] floats: the data stays in
 * bytes, and only a batch at a time becomes floats, here.
 */
export function gatherImages(data: TrainingData, indexes: ArrayLike<number>): Float32Array {
  const px = data.imageSize * data.imageSize;
  const images = data.images;
  const out = new Float32Array(indexes.length * px);
  for (let i = 0; i < indexes.length; i += 1) {
    const from = indexes[i] * px;
    const to = i * px;
    for (let j = 0; j < px; j += 1) out[to + j] = BYTE_TO_UNIT[images[from + j]];
  }
  return out;
}

export function oneHotRows(labels: ArrayLike<number>, numClasses: number): Float32Array {
  const out = new Float32Array(labels.length * numClasses);
  for (let i = 0; i < labels.length; i += 1) out[i * numClasses + labels[i]] = 1;
  return out;
}

export function gatherLabels(data: TrainingData, indexes: ArrayLike<number>): Int32Array {
  const out = new Int32Array(indexes.length);
  for (let i = 0; i < indexes.length; i += 1) out[i] = data.labels[indexes[i]];
  return out;
}

export interface BatchTensors {
  images: tf.Tensor2D;
  oneHot?: tf.Tensor2D;
}

export function batchTensors(data: TrainingData, indexes: ArrayLike<number>, numClasses?: number): BatchTensors {
  const px = data.imageSize * data.imageSize;
  const images = tf.tensor2d(gatherImages(data, indexes), [indexes.length, px]);
  if (!numClasses) return { images };
  const oneHot = tf.tensor2d(oneHotRows(gatherLabels(data, indexes), numClasses), [indexes.length, numClasses]);
  return { images, oneHot };
}

export function disposeBatch(batch: BatchTensors): void {
  batch.images.dispose();
  batch.oneHot?.dispose();
}

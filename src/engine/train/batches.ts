import * as tf from '@tensorflow/tfjs';
import type { TrainingData } from '../data/training-data.types';

/** Copies the chosen drawings into one contiguous [n, S²] block. */
export function gatherImages(data: TrainingData, indexes: ArrayLike<number>): Float32Array {
  const px = data.imageSize * data.imageSize;
  const out = new Float32Array(indexes.length * px);
  for (let i = 0; i < indexes.length; i += 1) {
    const start = indexes[i] * px;
    out.set(data.images.subarray(start, start + px), i * px);
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

import { loadTrainingData } from '../../src/engine/data/training-data';
import type { TrainingData } from '../../src/engine/data/training-data.types';
import { sharedData } from './shared-data';

/** The first `limit` MNIST t10k digits (needs ../shared/data). */
export function mnistDigits(limit: number, validationShare = 0.2): Promise<TrainingData> {
  return loadTrainingData(sharedData('mnist/t10k-images-idx3-ubyte.gz'), 'quickdraw28', {
    limit,
    validationShare,
    seed: 1,
  });
}

/** MNIST digits padded to 32×32, standing in for cookbook32 sketches (the conv autoencoder). */
export function padTo32(data: TrainingData): TrainingData {
  const images = new Uint8Array(data.count * 32 * 32);
  for (let i = 0; i < data.count; i += 1) {
    for (let y = 0; y < 28; y += 1) {
      images.set(data.images.subarray(i * 784 + y * 28, i * 784 + y * 28 + 28), i * 1024 + (y + 2) * 32 + 2);
    }
  }
  return { ...data, recipe: 'cookbook32', imageSize: 32, images };
}

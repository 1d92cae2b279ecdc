import { fileURLToPath } from 'node:url';
import { bytesToUnit } from '../../src/engine/data/raster/pixel-bytes';
import { loadTrainingData } from '../../src/engine/data/training-data';
import type { TrainingData } from '../../src/engine/data/training-data.types';

const SHIPPED_DIGITS = fileURLToPath(new URL('../../resources/data/mnist-t10k-images-idx3-ubyte.gz', import.meta.url));

/**
 * Real drawings to train on: the first `count` of the digits the studio ships, at the model's
 * image size. Throughput depends on the pixels as well as the shapes, since a mostly-zero batch
 * is multiplied by its nonzeros alone (≈ 19 % of an MNIST digit's pixels, ≈ 33 % of a cat's).
 * The PyTorch peer's dense products take as long whatever the values.
 */
export async function benchDrawings(imageSize: number, count: number): Promise<TrainingData> {
  const data = await loadTrainingData(SHIPPED_DIGITS, imageSize === 32 ? 'cookbook32' : 'mnist28', {
    limit: count,
    validationShare: 0,
    seed: 1,
  });
  if (data.imageSize !== imageSize)
    throw new Error(`bench drawings are ${data.imageSize} px, the model needs ${imageSize}`);
  return data;
}

/** The same drawings as one [count, pixels] block in file order. */
export async function benchImages(imageSize: number, count: number): Promise<Float32Array> {
  return bytesToUnit((await benchDrawings(imageSize, count)).images.subarray(0, count * imageSize * imageSize));
}

import type { RasterRecipe } from './training-data.types';

/** MNIST-style IDX image files (and the sample copies of them). */
export function isIdxImages(source: string): boolean {
  return /idx3[-.]ubyte(\.gz)?$/i.test(source);
}

/**
 * The raster recipe a new model uses when the person does not choose one: the Cookbook's
 * 32×32 for its conv autoencoder, MNIST's look for digit data, Quick, Draw!'s otherwise.
 */
export function defaultRecipe(kind: string, sources: readonly string[]): RasterRecipe {
  if (kind === 'conv-ae') return 'cookbook32';
  if (sources.length > 0 && sources.every(isIdxImages)) return 'mnist28';
  return 'quickdraw28';
}

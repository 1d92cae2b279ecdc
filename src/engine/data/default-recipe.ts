import { kindSpec } from '../../shared/model-kinds';
import type { FormatName } from './drawing.types';
import type { RasterRecipe } from './training-data.types';

/** MNIST-style IDX image files (and the sample copies of them). */
export function isIdxImages(source: string): boolean {
  return /idx3[-.]ubyte(\.gz)?$/i.test(source);
}

/**
 * The raster recipe a new model uses when the person does not choose one (sources are file
 * paths, or the formats a stored dataset was imported from): the one its kind was written for
 * (the Cookbook's 32×32 for its conv autoencoder), else MNIST's look for digit data, Quick,
 * Draw!'s otherwise.
 */
export function defaultRecipe(kind: string, sources: ReadonlyArray<string | { format: FormatName }>): RasterRecipe {
  const own = kindSpec(kind)?.defaultRecipe;
  if (own) return own;
  const digits = (s: string | { format: FormatName }) =>
    typeof s === 'string' ? isIdxImages(s) : s.format === 'idx-images';
  if (sources.length > 0 && sources.every(digits)) return 'mnist28';
  return 'quickdraw28';
}

/** Raster recipes named in a model's metadata (see DESIGN.md, "Data"). */
export type RasterRecipe = 'quickdraw28' | 'cookbook32' | 'mnist28';

export const RASTER_RECIPES: readonly RasterRecipe[] = ['quickdraw28', 'cookbook32', 'mnist28'];

export const RECIPE_SIZE: Record<RasterRecipe, number> = { quickdraw28: 28, cookbook32: 32, mnist28: 28 };

/**
 * Images ready for a model: what the data layer hands to training and to the latent tools.
 * Pixels are row-major, 0 = background, 1 = ink.
 */
export interface TrainingData {
  /** Where it came from: a dataset id in the store, or a file path. */
  source: string;
  recipe: RasterRecipe;
  imageSize: number;
  count: number;
  /** count × imageSize × imageSize, values in [0, 1]. */
  images: Float32Array;
  /** count labels, indexes into classNames (0 where unlabelled). */
  labels: Int32Array;
  classNames: string[];
  /** Reproducible split: indexes into the images. */
  trainIndex: Int32Array;
  validationIndex: Int32Array;
}

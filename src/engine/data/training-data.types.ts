/** Raster recipes named in a model's metadata (see DESIGN.md, "Data"). */
export type RasterRecipe = 'quickdraw28' | 'cookbook32' | 'mnist28';

export const RASTER_RECIPES: readonly RasterRecipe[] = ['quickdraw28', 'cookbook32', 'mnist28'];

export const RECIPE_SIZE: Record<RasterRecipe, number> = { quickdraw28: 28, cookbook32: 32, mnist28: 28 };

/**
 * Images ready for a model: what the data layer hands to training and to the latent tools.
 * Pixels are row-major bytes, 0 = background, 255 = ink: a quarter of the memory of floats, so a
 * whole Quick, Draw! category fits, and what crosses to a trainer is small. Models read [0, 1]
 * floats, made a batch at a time (src/engine/data/raster/pixel-bytes.ts).
 */
export interface TrainingData {
  /** Where it came from: a dataset id in the store, or a file path. */
  source: string;
  recipe: RasterRecipe;
  imageSize: number;
  count: number;
  /** count × imageSize × imageSize, ink 0–255. */
  images: Uint8Array;
  /** count labels, indexes into classNames (0 where unlabelled). */
  labels: Int32Array;
  classNames: string[];
  /** Reproducible split: indexes into the images. */
  trainIndex: Int32Array;
  validationIndex: Int32Array;
}

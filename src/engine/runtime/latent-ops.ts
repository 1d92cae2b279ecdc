import { normalizeCanvasStrokes, rasterize } from '../data/index';
import type { Stroke } from '../../shared/types/drawing';
import { decodeLatents, encodeImages, type Conditioning } from '../latent/index';
import type { LatentModel, LoadedModel } from '../models/index';
import { isConditional } from '../models/types';

export const CLASS_ERRORS = {
  outOfRange: (classes: number, got: number) =>
    `this model has ${classes} classes (0–${classes - 1}), not class ${got}`,
} as const;

/**
 * The one rule for a class index: a conditional model refuses a class it does not have (never
 * quietly class 0); other models have no classes and ignore it.
 */
export function checkLabel(model: LatentModel, label: number | undefined): void {
  const classes = model.config.numClasses;
  if (label !== undefined && isConditional(model.config.kind) && !(label >= 0 && label < classes)) {
    throw new Error(CLASS_ERRORS.outOfRange(classes, label));
  }
}

/** Conditioning for `count` rows: conditional `cvae` needs a class (default: the first). */
export function conditioningFor(model: LatentModel, label: number | undefined, count = 1): Conditioning {
  checkLabel(model, label);
  if (!model.conditionalInputs) return {};
  return { labels: new Int32Array(count).fill(label ?? 0) };
}

/** Canvas strokes as the model sees them: Quick, Draw!'s normalisation, then the model's recipe. */
export function rasterizeCanvas(loaded: LoadedModel, strokes: readonly Stroke[]): Float32Array {
  return rasterize(normalizeCanvasStrokes(strokes), loaded.metadata.recipe);
}

export async function encodeOne(loaded: LoadedModel, image: Float32Array, label?: number): Promise<Float32Array> {
  return encodeImages(loaded.model, image, 1, conditioningFor(loaded.model, label));
}

export async function decodeOne(loaded: LoadedModel, z: Float32Array, label?: number): Promise<Float32Array> {
  return decodeLatents(loaded.model, z, 1, conditioningFor(loaded.model, label));
}

export async function reconstructStrokes(loaded: LoadedModel, strokes: readonly Stroke[], label?: number) {
  const input = rasterizeCanvas(loaded, strokes);
  const z = await encodeOne(loaded, input, label);
  const output = await decodeOne(loaded, z, label);
  return { input, size: loaded.metadata.imageSize, z, output };
}

import { normalizeCanvasStrokes, rasterize } from '../data/index';
import type { Stroke } from '../data/drawing.types';
import { decodeLatents, encodeImages, type Conditioning } from '../latent/index';
import type { LatentModel, LoadedModel } from '../models/index';

/** Conditioning for one row: conditional `cvae` needs a class (default: the first). */
export function conditioningFor(model: LatentModel, label: number | undefined, count = 1): Conditioning {
  if (!model.conditionalInputs) return {};
  const c = model.config.numClasses;
  const l = label !== undefined && label < c ? label : 0;
  return { labels: new Int32Array(count).fill(l) };
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

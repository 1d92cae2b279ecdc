/**
 * How faithfully a model gives back what it was shown: reconstructions (the mean code decoded)
 * of held-out images and of drawings sent through the studio's own canvas path
 * (`rasterizeCanvas`: Quick, Draw!'s normalisation, then the model's recipe), scored by mean
 * per-pixel BCE and, for digit models, by the share the judge reads as the input's digit.
 */
import type { Stroke } from '../../../src/shared/types/drawing';
import { decodeLatents, encodeImages, type Conditioning } from '../../../src/engine/latent/index';
import type { LoadedModel } from '../../../src/engine/models/index';
import { rasterizeCanvas } from '../../../src/engine/runtime/latent-ops';
import type { Judge } from './judge';

export interface ImageSet {
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

export interface SetScore {
  count: number;
  /** Mean per-pixel binary cross-entropy of the reconstruction against its input. */
  bce: number;
  /** Share of reconstructions the judge reads as the input's digit (digit models). */
  kept?: number;
  /** Share of the inputs themselves the judge reads right: the ceiling of `kept`. */
  judgeOnInputs?: number;
  /** The first 25 inputs and their reconstructions, for the pairs picture. */
  pairs: { inputs: Float32Array; outputs: Float32Array; count: number };
}

/** Drawings through the canvas path, as the model sees them. */
export function drawnSet(loaded: LoadedModel, drawings: ReadonlyArray<{ label: number; strokes: Stroke[] }>): ImageSet {
  const px = loaded.metadata.imageSize ** 2;
  const images = new Float32Array(drawings.length * px);
  drawings.forEach((d, i) => images.set(rasterizeCanvas(loaded, d.strokes), i * px));
  return { images, labels: Int32Array.from(drawings.map((d) => d.label)), count: drawings.length };
}

export async function reconstruct(loaded: LoadedModel, set: ImageSet): Promise<Float32Array> {
  // A conditional model is told the true class, as a person picks it in the studio.
  const cond: Conditioning = loaded.model.conditionalInputs ? { labels: set.labels } : {};
  const z = await encodeImages(loaded.model, set.images, set.count, cond);
  return decodeLatents(loaded.model, z, set.count, cond);
}

export function meanBce(inputs: Float32Array, outputs: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < inputs.length; i++) {
    const p = Math.min(Math.max(outputs[i], 1e-7), 1 - 1e-7);
    const x = inputs[i];
    sum -= x * Math.log(p) + (1 - x) * Math.log(1 - p);
  }
  return sum / inputs.length;
}

function share(a: Int32Array, b: Int32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / Math.max(a.length, 1);
}

/** Picks 25 images spread evenly over the set (every class when the set is sorted by class). */
function pairsOf(set: ImageSet, outputs: Float32Array, px: number): SetScore['pairs'] {
  const count = Math.min(25, set.count);
  const inputs = new Float32Array(count * px);
  const recon = new Float32Array(count * px);
  for (let i = 0; i < count; i++) {
    const at = Math.floor((i * set.count) / count);
    inputs.set(set.images.subarray(at * px, (at + 1) * px), i * px);
    recon.set(outputs.subarray(at * px, (at + 1) * px), i * px);
  }
  return { inputs, outputs: recon, count };
}

export async function scoreSet(loaded: LoadedModel, set: ImageSet, judge?: Judge): Promise<SetScore> {
  const px = loaded.metadata.imageSize ** 2;
  const outputs = await reconstruct(loaded, set);
  const score: SetScore = { count: set.count, bce: meanBce(set.images, outputs), pairs: pairsOf(set, outputs, px) };
  if (judge && loaded.metadata.imageSize === 28) {
    score.kept = share(judge.read(outputs, set.count), set.labels);
    score.judgeOnInputs = share(judge.read(set.images, set.count), set.labels);
  }
  return score;
}

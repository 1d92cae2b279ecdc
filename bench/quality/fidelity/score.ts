/**
 * How faithfully a model gives back what it was shown: reconstructions (the mean code decoded)
 * of held-out images and of drawings sent through the studio's own canvas path
 * (`rasterizeCanvas`: Quick, Draw!'s normalisation, then the model's recipe), scored by mean
 * per-pixel BCE and, for digit models, by the share the judge reads as the input's digit, in all
 * and per digit and per drawing style, so a weak digit or style is not hidden by the mean.
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
  /** The style each image was drawn in, where the set knows it (drawn digits). */
  styles?: string[];
}

/** The judge's figures over one part of a set: its `count` images and the shares read right. */
export interface KeptShare {
  count: number;
  /** Share of these reconstructions the judge reads as the input's digit. */
  kept: number;
  /** Share of these inputs the judge reads right: the ceiling of `kept`. */
  judgeOnInputs: number;
  /** The digit the judge most often reads these reconstructions as instead, if it misreads any. */
  misreadAs?: number;
}

export interface DigitKept extends KeptShare {
  label: number;
}

export interface StyleKept extends KeptShare {
  style: string;
  label: number;
}

export interface SetScore {
  count: number;
  /** Mean per-pixel binary cross-entropy of the reconstruction against its input. */
  bce: number;
  /** Share of reconstructions the judge reads as the input's digit (digit models). */
  kept?: number;
  /** Share of the inputs themselves the judge reads right: the ceiling of `kept`. */
  judgeOnInputs?: number;
  /** The same per digit present, by digit (digit models). */
  perDigit?: DigitKept[];
  /** The same per drawing style, in the set's order of styles (sets that carry styles). */
  perStyle?: StyleKept[];
  /** The first 25 inputs and their reconstructions, for the pairs picture. */
  pairs: { inputs: Float32Array; outputs: Float32Array; count: number };
}

/** Drawings through the canvas path, as the model sees them; their styles kept where all have one. */
export function drawnSet(
  loaded: LoadedModel,
  drawings: ReadonlyArray<{ label: number; strokes: Stroke[]; style?: string }>,
): ImageSet {
  const px = loaded.metadata.imageSize ** 2;
  const images = new Float32Array(drawings.length * px);
  drawings.forEach((d, i) => images.set(rasterizeCanvas(loaded, d.strokes), i * px));
  const set: ImageSet = { images, labels: Int32Array.from(drawings.map((d) => d.label)), count: drawings.length };
  const styles = drawings.map((d) => d.style);
  if (styles.every((s) => s !== undefined)) set.styles = styles;
  return set;
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

/** The judge's figures over the images whose key is the same, keys in order of first appearance. */
function keptBy<K>(
  keys: ArrayLike<K>,
  labels: Int32Array,
  readOutputs: Int32Array,
  readInputs: Int32Array,
): Map<K, KeptShare> {
  const tally = new Map<K, { count: number; kept: number; inputs: number; misread: number[] }>();
  for (let i = 0; i < labels.length; i++) {
    let t = tally.get(keys[i]);
    if (!t) tally.set(keys[i], (t = { count: 0, kept: 0, inputs: 0, misread: new Array<number>(10).fill(0) }));
    t.count++;
    if (readOutputs[i] === labels[i]) t.kept++;
    else t.misread[readOutputs[i]]++;
    if (readInputs[i] === labels[i]) t.inputs++;
  }
  const out = new Map<K, KeptShare>();
  for (const [key, t] of tally) {
    const share: KeptShare = { count: t.count, kept: t.kept / t.count, judgeOnInputs: t.inputs / t.count };
    const most = Math.max(...t.misread);
    if (most > 0) share.misreadAs = t.misread.indexOf(most);
    out.set(key, share);
  }
  return out;
}

export type JudgeShares = Pick<SetScore, 'kept' | 'judgeOnInputs' | 'perDigit' | 'perStyle'>;

/** What the judge reads in a set's inputs and their reconstructions: in all, per digit, per style. */
export function judgeShares(judge: Judge, set: ImageSet, outputs: Float32Array): JudgeShares {
  const readOutputs = judge.read(outputs, set.count);
  const readInputs = judge.read(set.images, set.count);
  const all = keptBy(new Array<number>(set.count).fill(0), set.labels, readOutputs, readInputs).get(0);
  const perDigit = [...keptBy(set.labels, set.labels, readOutputs, readInputs)]
    .map(([label, s]) => ({ label, ...s }))
    .sort((a, b) => a.label - b.label);
  const shares: JudgeShares = {
    kept: all?.kept ?? 0,
    judgeOnInputs: all?.judgeOnInputs ?? 0,
    perDigit,
  };
  if (set.styles) {
    const labelOf = new Map(set.styles.map((style, i) => [style, set.labels[i]]));
    shares.perStyle = [...keptBy(set.styles, set.labels, readOutputs, readInputs)].map(([style, s]) => ({
      style,
      label: labelOf.get(style) ?? -1,
      ...s,
    }));
  }
  return shares;
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
  if (judge && loaded.metadata.imageSize === 28) Object.assign(score, judgeShares(judge, set, outputs));
  return score;
}

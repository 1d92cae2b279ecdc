/**
 * Does a sketch model keep the lines? Figures for pairs of inputs and reconstructions:
 * - ink IoU: the pixels inked (≥ 0.5) in both over those inked in either, per image, then the mean
 *   (an image blank in both counts 1);
 * - sharpness: the share of the pixels in the input's ink box (grown by 1 px) that the
 *   reconstruction has decided, below 0.2 or above 0.8, per image, then the mean (a blank input's
 *   box is the whole image). A blurred reconstruction is grey there, a crisp one is not;
 * - a detail kept: given where a detail is in the input (its own ink, `regions`), the
 *   reconstruction draws it and draws it apart: its mean over the detail's own ink is at least
 *   0.5, and at least 0.3 above its mean over the blank pixels touching that ink (the input's
 *   pixels below 0.5 among the 8 neighbours). The second half is what tells an eye or a whisker
 *   from a smudge: a dark wedge over the cheek covers each whisker, and the gaps between them too.
 */
import { meanBce } from './score';

export const SKETCH_RULE = {
  /** A pixel is ink from this value up. */
  ink: 0.5,
  /** A pixel is decided below `low` or above `high`. */
  low: 0.2,
  high: 0.8,
  /** Pixels the input's ink box is grown by (sharpness). */
  grow: 1,
  /** The reconstruction's mean over a detail's own ink must be at least this… */
  drawn: 0.5,
  /** …and this much above its mean over the blank pixels touching the detail. */
  apart: 0.3,
} as const;

export interface SketchFigures {
  count: number;
  inkIou: number;
  sharpness: number;
  /** Mean per-pixel BCE (as the digit table has it). */
  bce: number;
}

export interface KeptCount {
  kept: number;
  /** Images that show the detail at all. */
  of: number;
}

const isInk = (v: number) => v >= SKETCH_RULE.ink;

/** Ink IoU of one pair. */
export function inkIou(input: Float32Array, output: Float32Array): number {
  let both = 0;
  let either = 0;
  for (let i = 0; i < input.length; i++) {
    const a = isInk(input[i]);
    const b = isInk(output[i]);
    if (a && b) both++;
    if (a || b) either++;
  }
  return either === 0 ? 1 : both / either;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The box (inclusive) of the pixels where `inside(i)` holds, grown by `grow` within the image. */
function boxOf(size: number, inside: (i: number) => boolean, grow: number): Box | undefined {
  let x0 = size;
  let y0 = size;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!inside(y * size + x)) continue;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
    }
  }
  if (x1 < 0) return undefined;
  const clamp = (v: number) => Math.min(Math.max(v, 0), size - 1);
  return { x0: clamp(x0 - grow), y0: clamp(y0 - grow), x1: clamp(x1 + grow), y1: clamp(y1 + grow) };
}

/** Sharpness of one pair (see the module comment). */
export function sharpness(input: Float32Array, output: Float32Array, size: number): number {
  const box = boxOf(size, (i) => isInk(input[i]), SKETCH_RULE.grow) ?? { x0: 0, y0: 0, x1: size - 1, y1: size - 1 };
  let decided = 0;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const v = output[y * size + x];
      if (v < SKETCH_RULE.low || v > SKETCH_RULE.high) decided++;
    }
  }
  return decided / ((box.x1 - box.x0 + 1) * (box.y1 - box.y0 + 1));
}

/** Ink IoU, sharpness and BCE, each the mean over `count` pairs of size×size images. */
export function sketchFigures(inputs: Float32Array, outputs: Float32Array, count: number, size: number): SketchFigures {
  const px = size * size;
  let iou = 0;
  let sharp = 0;
  for (let n = 0; n < count; n++) {
    const a = inputs.subarray(n * px, (n + 1) * px);
    const b = outputs.subarray(n * px, (n + 1) * px);
    iou += inkIou(a, b);
    sharp += sharpness(a, b, size);
  }
  return {
    count,
    inkIou: iou / Math.max(count, 1),
    sharpness: sharp / Math.max(count, 1),
    bce: meanBce(inputs.subarray(0, count * px), outputs.subarray(0, count * px)),
  };
}

/**
 * Whether the reconstruction keeps the detail whose own ink in the input is `region` (1 = the
 * detail's pixel); undefined when the region is empty, i.e. the input does not show it.
 */
export function regionKept(
  input: Float32Array,
  output: Float32Array,
  size: number,
  region: Uint8Array,
): boolean | undefined {
  let own = 0;
  let ownSum = 0;
  const ring = new Set<number>();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * size + x;
      if (!region[i]) continue;
      own++;
      ownSum += output[i];
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= size || ny >= size) continue;
          const j = ny * size + nx;
          if (!region[j] && !isInk(input[j])) ring.add(j);
        }
      }
    }
  }
  if (own === 0) return undefined;
  let ringSum = 0;
  for (const j of ring) ringSum += output[j];
  const drawn = ownSum / own;
  const around = ring.size === 0 ? 0 : ringSum / ring.size;
  return drawn >= SKETCH_RULE.drawn && drawn - around >= SKETCH_RULE.apart;
}

/**
 * For how many images every region of a detail is kept (both eyes; all six whiskers), out of
 * those whose input shows every region.
 */
export function detailKept(
  inputs: Float32Array,
  outputs: Float32Array,
  size: number,
  regions: ReadonlyArray<readonly Uint8Array[]>,
): KeptCount {
  const px = size * size;
  let kept = 0;
  let of = 0;
  regions.forEach((parts, n) => {
    const a = inputs.subarray(n * px, (n + 1) * px);
    const b = outputs.subarray(n * px, (n + 1) * px);
    const each = parts.map((r) => regionKept(a, b, size, r));
    if (each.some((k) => k === undefined)) return;
    of++;
    if (each.every((k) => k === true)) kept++;
  });
  return { kept, of };
}

/** The `n` pair positions shown in a pairs picture: spread evenly over the set. */
export function shownPairs(count: number, n = 25): number[] {
  const shown = Math.min(n, count);
  return Array.from({ length: shown }, (_, i) => Math.floor((i * count) / shown));
}

/** The images at `at` (each px long) as one block. */
export function pick(images: Float32Array, at: readonly number[], px: number): Float32Array {
  const out = new Float32Array(at.length * px);
  at.forEach((n, i) => out.set(images.subarray(n * px, (n + 1) * px), i * px));
  return out;
}

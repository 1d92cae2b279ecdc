import type { Stroke } from '../../../shared/types/drawing';
import { RECIPE_SIZE, type RasterRecipe } from '../training-data.types';
import { blur3, drawSegment } from './line-coverage';
import { unitToBytes } from './pixel-bytes';
import { SegmentStamps } from './segment-stamps';

/** How a recipe maps 0–255 drawing coordinates onto its pixel grid. */
export interface RecipeParams {
  size: number;
  /** quickdraw28: the bounding box's longer side is scaled to this many pixels and centred. */
  fitSide?: number;
  /** cookbook32: coordinates are integer-divided by this (no centring), as the Cookbook did. */
  divisor?: number;
  halfWidth: number;
  /** Weight of the neighbours in a 3×3 blur after drawing (0 = none). */
  blur: number;
  /** Ink gain before clamping to 1 (a blur spreads thin lines; this restores their peak). */
  gain: number;
  /** mnist28: after drawing, move the ink's centre of mass to the image centre, as MNIST did. */
  centerOfMass?: boolean;
}

/**
 * quickdraw28 was tuned against the official numpy bitmaps (see the fidelity test);
 * cookbook32 follows Deep Learning Cookbook ch. 13 (PIL line width 2 on coordinates // 8).
 */
export const RECIPES: Record<RasterRecipe, RecipeParams> = {
  quickdraw28: { size: 28, fitSide: 23.5, halfWidth: 0.75, blur: 0, gain: 1 },
  cookbook32: { size: 32, divisor: 8, halfWidth: 1, blur: 0, gain: 1 },
  // MNIST's preparation: the digit's ink fitted into 20×20, centred by its centre of mass in
  // 28×28. Tuned on drawn digits against MNIST t10k (bench/quality, --fidelity): the centre line
  // spans 16 px so the ink with its ~2-px stroke spans ~20, as MNIST's does; ink per image
  // ~100 (MNIST 104). A 20-px centre line gave 24-px digits with 30 % more ink.
  mnist28: { size: 28, fitSide: 16, halfWidth: 1, blur: 0.3, gain: 1.3, centerOfMass: true },
};

/** Points of one stroke: x at xs[xAt + i], y at ys[yAt + i] (plain arrays or a .bin buffer). */
type PointSource = ArrayLike<number>;

export interface Rasterizer {
  recipe: RasterRecipe;
  size: number;
  /** Renders into `out` (or a new buffer): size×size, row-major, 0 = background, 1 = ink. */
  render(strokes: readonly Stroke[], out?: Float32Array): Float32Array;
  /** The same as bytes 0–255 (what the store and the numpy bitmaps hold). */
  renderBytes(strokes: readonly Stroke[], out?: Uint8Array): Uint8Array;
  /**
   * Renders the Quick, Draw! binary record at buf[pos] straight from its bytes (no stroke
   * objects): the fast path for importing .bin files. The record must be whole.
   */
  renderBinRecord(buf: Uint8Array, pos: number, out?: Float32Array): Float32Array;
  /** The same as bytes 0–255 (what training data holds). */
  renderBinRecordBytes(buf: Uint8Array, pos: number, out?: Uint8Array): Uint8Array;
}

/** One rasterizer per recipe; reuses its scratch buffers, so keep one per worker loop. */
export function createRasterizer(recipe: RasterRecipe, params: RecipeParams = RECIPES[recipe]): Rasterizer {
  const size = params.size;
  if (size !== RECIPE_SIZE[recipe]) throw new Error(`recipe ${recipe} must be ${RECIPE_SIZE[recipe]} px`);
  const work = new Float32Array(size * size);
  const scratch = new Float32Array(size * size);
  const half = params.halfWidth;
  const divisor = params.divisor;
  const stamps = divisor === undefined ? undefined : new SegmentStamps(half, Math.ceil(256 / divisor), size);
  // Current transform (fit recipes): pixel = coordinate * scale + offset.
  let scale = 1;
  let ox = 0;
  let oy = 0;
  let minX = 0;
  let minY = 0;
  let maxX = 0;
  let maxY = 0;

  const resetBox = (): void => {
    minX = Infinity;
    minY = Infinity;
    maxX = -Infinity;
    maxY = -Infinity;
  };
  const growBox = (xs: PointSource, xAt: number, ys: PointSource, yAt: number, n: number): void => {
    for (let i = 0; i < n; i++) {
      const x = xs[xAt + i];
      const y = ys[yAt + i];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  };
  /** False when there is nothing to draw. */
  const fitBox = (): boolean => {
    if (minX === Infinity) return false;
    const extent = Math.max(maxX - minX, maxY - minY, 1);
    scale = (params.fitSide ?? size) / extent;
    ox = size / 2 - ((minX + maxX) / 2) * scale;
    oy = size / 2 - ((minY + maxY) / 2) * scale;
    return true;
  };

  const drawStroke = (
    buf: Float32Array,
    xs: PointSource,
    xAt: number,
    ys: PointSource,
    yAt: number,
    n: number,
  ): void => {
    if (n === 0) return;
    if (divisor !== undefined && stamps !== undefined) {
      stamps.drawPolyline(buf, xs, xAt, ys, yAt, n, divisor);
      return;
    }
    let px = xs[xAt] * scale + ox;
    let py = ys[yAt] * scale + oy;
    if (n === 1) drawSegment(buf, size, px, py, px, py, half);
    for (let i = 1; i < n; i++) {
      const qx = xs[xAt + i] * scale + ox;
      const qy = ys[yAt + i] * scale + oy;
      drawSegment(buf, size, px, py, qx, qy, half);
      px = qx;
      py = qy;
    }
  };

  const finishImage = (buf: Float32Array): void => {
    if (params.blur > 0) blur3(buf, size, params.blur, scratch);
    if (params.gain !== 1) {
      for (let i = 0; i < buf.length; i++) {
        const v = buf[i] * params.gain;
        buf[i] = v > 1 ? 1 : v;
      }
    }
    if (params.centerOfMass) centreByMass(buf, size, scratch);
  };

  const draw = (strokes: readonly Stroke[], buf: Float32Array): void => {
    buf.fill(0);
    if (divisor === undefined) {
      resetBox();
      for (const s of strokes) growBox(s.x, 0, s.y, 0, Math.min(s.x.length, s.y.length));
      if (!fitBox()) return;
    }
    for (const s of strokes) drawStroke(buf, s.x, 0, s.y, 0, Math.min(s.x.length, s.y.length));
    finishImage(buf);
  };

  const drawBin = (bytes: Uint8Array, pos: number, buf: Float32Array): void => {
    buf.fill(0);
    const count = bytes[pos + 15] | (bytes[pos + 16] << 8);
    if (divisor === undefined) {
      resetBox();
      let p = pos + 17;
      for (let s = 0; s < count; s++) {
        const n = bytes[p] | (bytes[p + 1] << 8);
        growBox(bytes, p + 2, bytes, p + 2 + n, n);
        p += 2 + 2 * n;
      }
      if (!fitBox()) return;
    }
    let p = pos + 17;
    for (let s = 0; s < count; s++) {
      const n = bytes[p] | (bytes[p + 1] << 8);
      drawStroke(buf, bytes, p + 2, bytes, p + 2 + n, n);
      p += 2 + 2 * n;
    }
    finishImage(buf);
  };

  return {
    recipe,
    size,
    render(strokes, out = new Float32Array(size * size)) {
      draw(strokes, out);
      return out;
    },
    renderBytes(strokes, out = new Uint8Array(size * size)) {
      draw(strokes, work);
      return unitToBytes(work, out);
    },
    renderBinRecord(buf, pos, out = new Float32Array(size * size)) {
      drawBin(buf, pos, out);
      return out;
    },
    renderBinRecordBytes(buf, pos, out = new Uint8Array(size * size)) {
      drawBin(buf, pos, work);
      return unitToBytes(work, out);
    },
  };
}

/**
 * Shifts the image (bilinearly) so its centre of mass sits at the centre, like MNIST's
 * preparation, but never further than the ink's bounding box allows: a top-heavy 7 or 9 would
 * otherwise be pushed past the bottom edge and lose its stem. The shift is clamped so every
 * inked pixel lands inside the frame, so the ink is kept whole.
 */
export function centreByMass(buf: Float32Array, size: number, scratch: Float32Array): void {
  let mass = 0;
  let mx = 0;
  let my = 0;
  let minX = size;
  let minY = size;
  let maxX = -1;
  let maxY = -1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = buf[y * size + x];
      if (v <= 0) continue;
      mass += v;
      mx += v * x;
      my += v * y;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (mass === 0) return;
  // MNIST's digits have their centre of mass at pixel (14, 14) of 28 (measured over t10k).
  const dx = clampShift(size / 2 - mx / mass, minX, maxX, size);
  const dy = clampShift(size / 2 - my / mass, minY, maxY, size);
  scratch.set(buf);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Sample the source at (x - dx, y - dy).
      const sx = x - dx;
      const sy = y - dy;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      const at = (xx: number, yy: number) =>
        xx < 0 || yy < 0 || xx >= size || yy >= size ? 0 : scratch[yy * size + xx];
      buf[y * size + x] =
        at(x0, y0) * (1 - fx) * (1 - fy) +
        at(x0 + 1, y0) * fx * (1 - fy) +
        at(x0, y0 + 1) * (1 - fx) * fy +
        at(x0 + 1, y0 + 1) * fx * fy;
    }
  }
}

/**
 * The part of a wanted shift that keeps pixels lo..hi inside 0..size-1 (a bilinear shift by d
 * spreads pixel p over floor(p + d) and ceil(p + d)). Ink wider than the frame is not moved.
 */
export function clampShift(wanted: number, lo: number, hi: number, size: number): number {
  const least = -lo;
  const most = size - 1 - hi;
  if (least > most) return 0;
  return Math.min(Math.max(wanted, least), most);
}

const shared = new Map<RasterRecipe, Rasterizer>();

/** Convenience for one-off renders (the canvas): a fresh Float32Array in [0, 1]. */
export function rasterize(strokes: readonly Stroke[], recipe: RasterRecipe): Float32Array {
  let r = shared.get(recipe);
  if (!r) {
    r = createRasterizer(recipe);
    shared.set(recipe, r);
  }
  return r.render(strokes);
}

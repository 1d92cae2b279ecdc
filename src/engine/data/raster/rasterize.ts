import type { Stroke } from '../drawing.types';
import { RECIPE_SIZE, type RasterRecipe } from '../training-data.types';
import { blur3, drawSegment } from './line-coverage';

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
}

/**
 * quickdraw28 was tuned against the official numpy bitmaps (see the fidelity test);
 * cookbook32 follows Deep Learning Cookbook ch. 13 (PIL line width 2 on coordinates // 8).
 */
export const RECIPES: Record<RasterRecipe, RecipeParams> = {
  quickdraw28: { size: 28, fitSide: 23.5, halfWidth: 0.75, blur: 0, gain: 1 },
  cookbook32: { size: 32, divisor: 8, halfWidth: 1, blur: 0, gain: 1 },
};

export interface Rasterizer {
  recipe: RasterRecipe;
  size: number;
  /** Renders into `out` (or a new buffer): size×size, row-major, 0 = background, 1 = ink. */
  render(strokes: readonly Stroke[], out?: Float32Array): Float32Array;
  /** The same as bytes 0–255 (what the store and the numpy bitmaps hold). */
  renderBytes(strokes: readonly Stroke[], out?: Uint8Array): Uint8Array;
}

/** One rasterizer per recipe; reuses its scratch buffers, so keep one per worker loop. */
export function createRasterizer(recipe: RasterRecipe, params: RecipeParams = RECIPES[recipe]): Rasterizer {
  const size = params.size;
  if (size !== RECIPE_SIZE[recipe]) throw new Error(`recipe ${recipe} must be ${RECIPE_SIZE[recipe]} px`);
  const work = new Float32Array(size * size);
  const scratch = new Float32Array(size * size);

  const draw = (strokes: readonly Stroke[], buf: Float32Array): void => {
    buf.fill(0);
    let scale: number;
    let ox: number;
    let oy: number;
    if (params.divisor !== undefined) {
      // Cookbook: p // 8 lands on pixel p//8, whose centre is at +0.5 in continuous space.
      const d = params.divisor;
      for (const s of strokes) {
        const n = Math.min(s.x.length, s.y.length);
        let px = Math.floor(s.x[0] / d) + 0.5;
        let py = Math.floor(s.y[0] / d) + 0.5;
        if (n === 1) drawSegment(buf, size, px, py, px, py, params.halfWidth);
        for (let i = 1; i < n; i++) {
          const qx = Math.floor(s.x[i] / d) + 0.5;
          const qy = Math.floor(s.y[i] / d) + 0.5;
          drawSegment(buf, size, px, py, qx, qy, params.halfWidth);
          px = qx;
          py = qy;
        }
      }
    } else {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const s of strokes) {
        for (let i = 0; i < s.x.length; i++) {
          const x = s.x[i];
          const y = s.y[i];
          if (x < minX) minX = x;
          if (x > maxX) maxX = x;
          if (y < minY) minY = y;
          if (y > maxY) maxY = y;
        }
      }
      if (minX === Infinity) return;
      const extent = Math.max(maxX - minX, maxY - minY, 1);
      scale = (params.fitSide ?? size) / extent;
      ox = size / 2 - ((minX + maxX) / 2) * scale;
      oy = size / 2 - ((minY + maxY) / 2) * scale;
      for (const s of strokes) {
        const n = Math.min(s.x.length, s.y.length);
        if (n === 0) continue;
        let px = s.x[0] * scale + ox;
        let py = s.y[0] * scale + oy;
        if (n === 1) drawSegment(buf, size, px, py, px, py, params.halfWidth);
        for (let i = 1; i < n; i++) {
          const qx = s.x[i] * scale + ox;
          const qy = s.y[i] * scale + oy;
          drawSegment(buf, size, px, py, qx, qy, params.halfWidth);
          px = qx;
          py = qy;
        }
      }
    }
    if (params.blur > 0) blur3(buf, size, params.blur, scratch);
    if (params.gain !== 1) {
      for (let i = 0; i < buf.length; i++) {
        const v = buf[i] * params.gain;
        buf[i] = v > 1 ? 1 : v;
      }
    }
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
      for (let i = 0; i < work.length; i++) out[i] = Math.round(work[i] * 255);
      return out;
    },
  };
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

import type { LatentModel } from '../models/types';
import { type Conditioning, decodeLatents } from './codes';
import { quantileSteps } from './quantile';

export const GRID_ERRORS = {
  badDims: 'grid dimensions must be two different indexes below the latent size',
  badDirections: 'grid directions must be two vectors of the latent size',
  badSize: 'grid size must be an integer from 1 to 64',
} as const;

export interface GridOptions {
  /** Points per side (the Keras book: 15). */
  n: number;
  /** Two latent dimensions to sweep (default [0, 1])… */
  dims?: [number, number];
  /** …or two directions (e.g. principal components) to sweep instead. */
  directions?: [Float32Array, Float32Array];
  /** The fixed code the sweep moves around (default: zeros, the prior mean). */
  base?: Float32Array;
  /** Probability range of the normal quantiles (default 0.05–0.95). */
  range?: [number, number];
  /** Scale of the steps along directions (default 1; use √variance for PCA directions). */
  scales?: [number, number];
}

/**
 * n×n latent vectors, row-major: row r sweeps the second axis from high to low (so "up" is
 * up on screen), column c sweeps the first axis from low to high.
 */
export function gridLatents(k: number, options: GridOptions): Float32Array {
  const { n } = options;
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new Error(GRID_ERRORS.badSize);
  const steps = quantileSteps(n, options.range?.[0], options.range?.[1]);
  const base = options.base ?? new Float32Array(k);
  let u: Float32Array;
  let v: Float32Array;
  if (options.directions) {
    [u, v] = options.directions;
    if (u.length !== k || v.length !== k) throw new Error(GRID_ERRORS.badDirections);
  } else {
    const [i, j] = options.dims ?? [0, 1];
    if (i === j || !(i >= 0 && i < k) || !(j >= 0 && j < k)) throw new Error(GRID_ERRORS.badDims);
    u = new Float32Array(k);
    v = new Float32Array(k);
    u[i] = 1;
    v[j] = 1;
  }
  const [su, sv] = options.scales ?? [1, 1];
  const out = new Float32Array(n * n * k);
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      const a = steps[c] * su;
      const b = steps[n - 1 - r] * sv;
      const o = (r * n + c) * k;
      for (let d = 0; d < k; d += 1) out[o + d] = base[d] + a * u[d] + b * v[d];
    }
  }
  return out;
}

export interface LatentGrid {
  n: number;
  imageSize: number;
  latents: Float32Array;
  /** n² images, row-major, each imageSize². */
  images: Float32Array;
}

export async function decodeGrid(
  model: LatentModel,
  options: GridOptions,
  cond: Conditioning = {},
): Promise<LatentGrid> {
  const k = model.config.latentSize;
  const latents = gridLatents(k, options);
  const count = options.n * options.n;
  const per: Conditioning = cond.labels?.length === 1 ? { labels: new Int32Array(count).fill(cond.labels[0]) } : cond;
  const images = await decodeLatents(model, latents, count, per);
  return { n: options.n, imageSize: model.config.imageSize, latents, images };
}

/** Tiles the grid into one (n·S)×(n·S) image, e.g. for a PNG. */
export function tileGrid(grid: LatentGrid): { width: number; height: number; pixels: Float32Array } {
  const { n, imageSize: s } = grid;
  const w = n * s;
  const pixels = new Float32Array(w * w);
  for (let cell = 0; cell < n * n; cell += 1) {
    const r = Math.floor(cell / n);
    const c = cell % n;
    for (let y = 0; y < s; y += 1) {
      const src = cell * s * s + y * s;
      pixels.set(grid.images.subarray(src, src + s), (r * s + y) * w + c * s);
    }
  }
  return { width: w, height: w, pixels };
}

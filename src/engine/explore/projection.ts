import { UMAP } from 'umap-js';
import { nearestNeighbours } from '../latent/neighbours';
import { pca, project } from '../latent/pca';
import { mulberry32 } from '../train/run/rng';
import type { Projection } from '../../shared/contract/explore';
import { EXPLORE_ERRORS } from './errors';

/** A 2-d view of count × k codes, able to place new codes in the same view. */
export interface Projected {
  points: Float32Array;
  axisLabels: [string, string];
  place(codes: Float32Array, count: number): Float32Array;
}

/** Fixed so the same model always gives the same picture. */
export const UMAP_SEED = 42;
const UMAP_EPOCHS = 200;

export async function projectCodes(
  codes: Float32Array,
  count: number,
  k: number,
  projection: Projection,
): Promise<Projected> {
  if (projection === 'latent' || k === 1) return firstTwo(codes, count, k);
  if (projection === 'pca' || k === 2) return byPca(codes, count, k);
  return byUmap(codes, count, k);
}

/** z0 and z1 themselves (a 1-d latent gets 0 as its second coordinate). */
function firstTwo(codes: Float32Array, count: number, k: number): Projected {
  const place = (c: Float32Array, n: number) => {
    const out = new Float32Array(n * 2);
    for (let i = 0; i < n; i += 1) {
      out[i * 2] = c[i * k];
      out[i * 2 + 1] = k > 1 ? c[i * k + 1] : 0;
    }
    return out;
  };
  return { points: place(codes, count), axisLabels: ['z0', k > 1 ? 'z1' : ''], place };
}

function byPca(codes: Float32Array, count: number, k: number): Projected {
  const result = pca(codes, count, k, 2);
  const pct = (i: number) => `PC${i + 1} (${Math.round((result.explainedVarianceRatio[i] ?? 0) * 100)}%)`;
  const place = (c: Float32Array, n: number) => project(c, n, result);
  return { points: place(codes, count), axisLabels: [pct(0), pct(1)], place };
}

function rowsOf(codes: Float32Array, count: number, k: number): number[][] {
  return Array.from({ length: count }, (_, i) => Array.from(codes.subarray(i * k, (i + 1) * k)));
}

async function byUmap(codes: Float32Array, count: number, k: number): Promise<Projected> {
  if (count < 3) throw new Error(EXPLORE_ERRORS.umapTooFew);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(15, count - 1),
    nEpochs: UMAP_EPOCHS,
    random: mulberry32(UMAP_SEED),
  });
  // fitAsync yields between epochs, so the engine keeps answering other requests meanwhile.
  const embedding = await umap.fitAsync(rowsOf(codes, count, k));
  const points = Float32Array.from(embedding.flat());
  return { points, axisLabels: ['UMAP 1', 'UMAP 2'], place: (c, n) => placeByNeighbours(c, n, codes, count, points) };
}

/** Neighbours whose embedding positions locate a new code on a UMAP plot. */
const PLACE_NEIGHBOURS = 5;

/**
 * Where new codes land on a fitted embedding: the inverse-distance-weighted mean position of
 * their nearest codes in the fitted set (how UMAP itself initialises new points). umap-js's own
 * transform() does not return for a handful of points, so it is not used.
 */
function placeByNeighbours(
  queries: Float32Array,
  n: number,
  codes: Float32Array,
  count: number,
  points: Float32Array,
): Float32Array {
  const k = codes.length / count;
  const out = new Float32Array(n * 2);
  for (let q = 0; q < n; q += 1) {
    const found = nearestNeighbours(queries.subarray(q * k, (q + 1) * k), codes, count, PLACE_NEIGHBOURS);
    let wx = 0;
    let wy = 0;
    let total = 0;
    for (const { index, distance } of found) {
      const w = 1 / (distance + 1e-6);
      wx += w * points[index * 2];
      wy += w * points[index * 2 + 1];
      total += w;
    }
    out[q * 2] = wx / total;
    out[q * 2 + 1] = wy / total;
  }
  return out;
}

import { decodeLatents, encodeImages, pca, project, standardNormal } from '../latent/index';
import type { LoadedModel } from '../models/index';
import type { LatentSpace } from '../../shared/types/latent';
import { conditioningFor } from './latent-ops';
import type { ModelSamples } from './model-samples';

/** Latents up to this size get one slider per dimension; larger ones get principal directions. */
export const MAX_DIM_SLIDERS = 16;
/** Principal directions offered as sliders for large latents. */
export const PCA_SLIDERS = 16;
/** Prior samples used when the model's data is absent. */
const PRIOR_SAMPLES = 500;
const GRID_N = 12;

export interface SampleCodes {
  codes: Float32Array;
  count: number;
  labels: Int32Array;
  classNames: string[];
  source: 'dataset' | 'prior';
}

/**
 * Codes of the model's own data; without the data, codes of the model's own decodings of prior
 * samples (re-encoded), which follow the shape of the aggregate posterior well enough for PCA.
 */
export async function sampleCodes(
  loaded: LoadedModel,
  samples: ModelSamples | undefined,
  label?: number,
): Promise<SampleCodes> {
  const { model } = loaded;
  if (samples && samples.count >= 2) {
    const cond = model.conditionalInputs ? { labels: samples.labels } : {};
    const codes = await encodeImages(model, samples.images, samples.count, cond);
    return { codes, count: samples.count, labels: samples.labels, classNames: samples.classNames, source: 'dataset' };
  }
  const k = model.config.latentSize;
  const z = standardNormal(PRIOR_SAMPLES, k, 11);
  const cond = conditioningFor(model, label, PRIOR_SAMPLES);
  const images = await decodeLatents(model, z, PRIOR_SAMPLES, cond);
  const codes = await encodeImages(model, images, PRIOR_SAMPLES, cond);
  return { codes, count: PRIOR_SAMPLES, labels: new Int32Array(PRIOR_SAMPLES), classNames: [], source: 'prior' };
}

function axisBounds(values: ArrayLike<number>, stride: number, offset: number, spread: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (let i = offset; i < values.length; i += stride) {
    min = Math.min(min, values[i]);
    max = Math.max(max, values[i]);
  }
  if (!Number.isFinite(min)) return [-3, 3];
  // Outliers would squash the map: keep it within 4 σ of the centre.
  const centre = (min + max) / 2;
  const limit = 4 * Math.max(spread, 1e-3);
  const pad = Math.max((max - min) * 0.08, 0.1);
  return [Math.max(min - pad, centre - limit), Math.min(max + pad, centre + limit)];
}

function spreadAlong(codes: Float32Array, count: number, k: number, d: number): { std: number; variance: number } {
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < count; i += 1) {
    const v = codes[i * k + d];
    sum += v;
    sq += v * v;
  }
  const mean = sum / count;
  const variance = Math.max(sq / count - mean * mean, 0);
  return { std: Math.sqrt(variance), variance };
}

export async function computeLatentSpace(
  loaded: LoadedModel,
  sample: SampleCodes,
  label?: number,
): Promise<LatentSpace> {
  const k = loaded.model.config.latentSize;
  const { codes, count } = sample;
  let mean: Float32Array;
  let directions: Float32Array[];
  let spread: number[];
  let varianceRatio: number[];
  let points: Float32Array;
  const axes = k <= MAX_DIM_SLIDERS ? 'dims' : 'pca';
  if (axes === 'dims') {
    mean = new Float32Array(k);
    directions = Array.from({ length: k }, (_, d) => {
      const v = new Float32Array(k);
      v[d] = 1;
      return v;
    });
    const stats = directions.map((_, d) => spreadAlong(codes, count, k, d));
    const total = stats.reduce((a, s) => a + s.variance, 0) || 1;
    spread = stats.map((s) => s.std);
    varianceRatio = stats.map((s) => s.variance / total);
    points = new Float32Array(count * 2);
    for (let i = 0; i < count; i += 1) {
      points[i * 2] = codes[i * k];
      points[i * 2 + 1] = k > 1 ? codes[i * k + 1] : 0;
    }
  } else {
    const result = pca(codes, count, k, PCA_SLIDERS);
    mean = result.mean;
    directions = result.components;
    spread = result.explainedVariance.map((v) => Math.sqrt(Math.max(v, 0)));
    varianceRatio = result.explainedVarianceRatio;
    points = project(codes, count, { ...result, components: result.components.slice(0, 2) });
  }
  const bx = axisBounds(points, 2, 0, spread[0] ?? 1);
  const by = axisBounds(points, 2, 1, spread[1] ?? 1);
  const space: LatentSpace = {
    axes,
    latentSize: k,
    mean,
    directions,
    spread,
    varianceRatio,
    points,
    labels: sample.labels,
    classNames: sample.classNames,
    source: sample.source,
    bounds: [bx[0], bx[1], by[0], by[1]],
  };
  if (k === 2) space.grid = await decodeMapGrid(loaded, space, label);
  return space;
}

/** Decoded digits at the centres of an n×n grid over the map, faint behind the scatter. */
async function decodeMapGrid(loaded: LoadedModel, space: LatentSpace, label?: number): Promise<LatentSpace['grid']> {
  const n = GRID_N;
  const [x0, x1, y0, y1] = space.bounds;
  const z = new Float32Array(n * n * 2);
  for (let r = 0; r < n; r += 1) {
    for (let c = 0; c < n; c += 1) {
      z[(r * n + c) * 2] = x0 + ((c + 0.5) / n) * (x1 - x0);
      z[(r * n + c) * 2 + 1] = y1 - ((r + 0.5) / n) * (y1 - y0);
    }
  }
  const images = await decodeLatents(loaded.model, z, n * n, conditioningFor(loaded.model, label, n * n));
  return { n, size: loaded.metadata.imageSize, images };
}

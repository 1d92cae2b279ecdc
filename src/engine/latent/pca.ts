import { mulberry32 } from '../train/run/rng';

export interface PcaResult {
  mean: Float32Array;
  /** Unit vectors, largest variance first. */
  components: Float32Array[];
  /** Variance along each component. */
  explainedVariance: number[];
  /** Share of the total variance along each component. */
  explainedVarianceRatio: number[];
}

export const PCA_ERRORS = {
  tooFew: 'PCA needs at least 2 codes',
  badShape: 'codes must be count × dim values',
} as const;

const ITERATIONS = 500;
const TOLERANCE = 1e-10;

/**
 * PCA of count×dim codes: the covariance (dim×dim, small: latent sizes are ≤ a few hundred)
 * then power iteration with deflation, in float64.
 */
export function pca(codes: Float32Array, count: number, dim: number, components = Math.min(dim, 2)): PcaResult {
  if (count < 2) throw new Error(PCA_ERRORS.tooFew);
  if (codes.length !== count * dim) throw new Error(PCA_ERRORS.badShape);
  const mean = new Float64Array(dim);
  for (let i = 0; i < count; i += 1) for (let d = 0; d < dim; d += 1) mean[d] += codes[i * dim + d];
  for (let d = 0; d < dim; d += 1) mean[d] /= count;
  const cov = new Float64Array(dim * dim);
  const row = new Float64Array(dim);
  for (let i = 0; i < count; i += 1) {
    for (let d = 0; d < dim; d += 1) row[d] = codes[i * dim + d] - mean[d];
    for (let a = 0; a < dim; a += 1) {
      const ra = row[a];
      for (let b = a; b < dim; b += 1) cov[a * dim + b] += ra * row[b];
    }
  }
  for (let a = 0; a < dim; a += 1) {
    for (let b = a; b < dim; b += 1) {
      cov[a * dim + b] /= count - 1;
      cov[b * dim + a] = cov[a * dim + b];
    }
  }
  let total = 0;
  for (let d = 0; d < dim; d += 1) total += cov[d * dim + d];

  const rand = mulberry32(12345);
  const vectors: Float32Array[] = [];
  const variances: number[] = [];
  for (let c = 0; c < Math.min(components, dim); c += 1) {
    let v = Float64Array.from({ length: dim }, () => rand() - 0.5);
    let lambda = 0;
    for (let it = 0; it < ITERATIONS; it += 1) {
      const w = new Float64Array(dim);
      for (let a = 0; a < dim; a += 1) {
        let s = 0;
        for (let b = 0; b < dim; b += 1) s += cov[a * dim + b] * v[b];
        w[a] = s;
      }
      const norm = Math.hypot(...w);
      if (norm === 0) break;
      for (let a = 0; a < dim; a += 1) w[a] /= norm;
      const change = w.reduce((acc, x, a) => acc + (x - v[a]) ** 2, 0);
      v = w;
      lambda = norm;
      if (change < TOLERANCE) break;
    }
    // sign convention: largest-magnitude entry positive, so results are stable across runs
    let big = 0;
    for (let a = 1; a < dim; a += 1) if (Math.abs(v[a]) > Math.abs(v[big])) big = a;
    if (v[big] < 0) for (let a = 0; a < dim; a += 1) v[a] = -v[a];
    for (let a = 0; a < dim; a += 1) for (let b = 0; b < dim; b += 1) cov[a * dim + b] -= lambda * v[a] * v[b];
    vectors.push(Float32Array.from(v));
    variances.push(lambda);
  }
  return {
    mean: Float32Array.from(mean),
    components: vectors,
    explainedVariance: variances,
    explainedVarianceRatio: variances.map((v) => (total > 0 ? v / total : 0)),
  };
}

/** Coordinates of codes along the components (count × components), e.g. for a scatter plot. */
export function project(codes: Float32Array, count: number, result: PcaResult): Float32Array {
  const dim = result.mean.length;
  const m = result.components.length;
  const out = new Float32Array(count * m);
  for (let i = 0; i < count; i += 1) {
    for (let c = 0; c < m; c += 1) {
      let s = 0;
      for (let d = 0; d < dim; d += 1) s += (codes[i * dim + d] - result.mean[d]) * result.components[c][d];
      out[i * m + c] = s;
    }
  }
  return out;
}

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeLatents, encodeImages, LATENT_ERRORS } from '../../../src/engine/latent/codes';
import { blendClasses, sampleClass } from '../../../src/engine/latent/conditional';
import { decodeGrid, GRID_ERRORS, gridLatents, tileGrid } from '../../../src/engine/latent/grid';
import { interpolate, lerp, slerp } from '../../../src/engine/latent/interpolate';
import { nearestNeighbours } from '../../../src/engine/latent/neighbours';
import { pca, project } from '../../../src/engine/latent/pca';
import { normalQuantile } from '../../../src/engine/latent/quantile';
import { classPriorMeans, samplePrior, standardNormal } from '../../../src/engine/latent/sample';
import { applyConcept, conceptVector, meanCode } from '../../../src/engine/latent/vectors';
import { buildModel, defaultConfig } from '../../../src/engine/models/build';
import { FORWARD_ERRORS } from '../../../src/engine/models/forward';
import type { LatentModel } from '../../../src/engine/models/types';
import { useBackend } from '../../helpers/tf';

let tf: Awaited<ReturnType<typeof useBackend>>;
let vae: LatentModel;
let cvae: LatentModel;
let prior: LatentModel;

beforeAll(async () => {
  tf = await useBackend('wasm');
  vae = buildModel(defaultConfig('mlp-vae', { hiddenSize: 16, latentSize: 3 }));
  cvae = buildModel(defaultConfig('cvae', { hiddenSize: 16, numClasses: 4 }));
  prior = buildModel(defaultConfig('cvae-prior', { hiddenSize: 16, numClasses: 4 }));
});

afterAll(() => {
  for (const m of [vae, cvae, prior]) m.dispose();
});

const vec = (...v: number[]) => Float32Array.from(v);

describe('normal quantiles', () => {
  it('matches known values', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 8);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 5);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
  });
});

describe('grid', () => {
  it('sweeps two dims at quantiles with the rest fixed; up is up', () => {
    const base = vec(0, 0, 7);
    const g = gridLatents(3, { n: 3, dims: [0, 1], base });
    expect(g).toHaveLength(27);
    // top-left: lowest x, highest y
    expect(g[0]).toBeCloseTo(normalQuantile(0.05), 5);
    expect(g[1]).toBeCloseTo(normalQuantile(0.95), 5);
    expect(g[2]).toBe(7);
    // centre is the base
    expect(Array.from(g.subarray(12, 15))).toEqual([0, 0, 7]);
    expect(() => gridLatents(3, { n: 3, dims: [1, 1] })).toThrow(GRID_ERRORS.badDims);
  });

  it('sweeps two directions', () => {
    const g = gridLatents(2, { n: 2, directions: [vec(1, 1), vec(1, -1)], range: [0.5, 0.5] });
    expect(Array.from(g)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('decodes n² images and tiles them', async () => {
    const grid = await decodeGrid(vae, { n: 4 });
    expect(grid.images).toHaveLength(16 * 784);
    const tiled = tileGrid(grid);
    expect(tiled.width).toBe(112);
    expect(tiled.pixels[0]).toBe(grid.images[0]);
    expect(tiled.pixels[28]).toBe(grid.images[784]);
    const conditional = await decodeGrid(cvae, { n: 2 }, { labels: [3] });
    expect(conditional.images).toHaveLength(4 * 784);
  });
});

describe('encode / decode', () => {
  it('encodes μ codes and decodes images, without leaking tensors', async () => {
    const images = Float32Array.from({ length: 5 * 784 }, (_, i) => (i % 11) / 11);
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i += 1) {
      const codes = await encodeImages(vae, images, 5);
      expect(codes).toHaveLength(15);
      const out = await decodeLatents(vae, codes, 5);
      expect(out).toHaveLength(5 * 784);
      expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  it('cvae needs labels; bad shapes are refused', async () => {
    await expect(decodeLatents(cvae, vec(0, 0), 1)).rejects.toThrow(FORWARD_ERRORS.missingLabels);
    await expect(decodeLatents(vae, vec(0, 0), 1)).rejects.toThrow(LATENT_ERRORS.badLatents);
    await expect(decodeLatents(cvae, vec(0, 0), 1, { labels: [9] })).rejects.toThrow(LATENT_ERRORS.badClass);
    expect(await decodeLatents(cvae, vec(0, 0), 1, { labels: [2] })).toHaveLength(784);
  });
});

describe('PCA', () => {
  it('finds the direction and variance of stretched data', () => {
    const n = 2000;
    const noise = standardNormal(n, 2, 9);
    const codes = new Float32Array(n * 3);
    const u = [0.6, 0.8, 0];
    for (let i = 0; i < n; i += 1) {
      const a = 3 * noise[2 * i];
      const b = 0.5 * noise[2 * i + 1];
      codes[i * 3] = 1 + a * u[0] + b * 0.8;
      codes[i * 3 + 1] = 2 + a * u[1] - b * 0.6;
      codes[i * 3 + 2] = -1;
    }
    const r = pca(codes, n, 3, 2);
    expect(r.mean[0]).toBeCloseTo(1, 0);
    expect(Math.abs(r.components[0][0])).toBeCloseTo(0.6, 2);
    expect(Math.abs(r.components[0][1])).toBeCloseTo(0.8, 2);
    expect(r.explainedVariance[0]).toBeGreaterThan(8);
    expect(r.explainedVariance[0]).toBeLessThan(10);
    expect(r.explainedVarianceRatio[0] + r.explainedVarianceRatio[1]).toBeCloseTo(1, 5);
    const dot = r.components[0].reduce((s, x, d) => s + x * r.components[1][d], 0);
    expect(dot).toBeCloseTo(0, 5);
    expect(project(codes, n, r)).toHaveLength(n * 2);
  });
});

describe('vectors', () => {
  it('concept vector = mean(A) − mean(B), applied with a strength', () => {
    const a = vec(1, 2, 3, 4);
    const b = vec(0, 0, 2, 2, 4, 4);
    expect(Array.from(meanCode(b, 3, 2))).toEqual([2, 2]);
    const v = conceptVector(a, 2, b, 3, 2);
    expect(Array.from(v)).toEqual([0, 1]);
    expect(Array.from(applyConcept(vec(5, 5), v, -2))).toEqual([5, 3]);
  });

  it('interpolates linearly and spherically', () => {
    expect(Array.from(lerp(vec(0, 0), vec(2, 4), 0.25))).toEqual([0.5, 1]);
    const s = slerp(vec(1, 0), vec(0, 1), 0.5);
    expect(s[0]).toBeCloseTo(Math.SQRT1_2, 5);
    expect(s[1]).toBeCloseTo(Math.SQRT1_2, 5);
    const path = interpolate(vec(1, 0), vec(0, 2), 5, 'spherical');
    expect(path).toHaveLength(5);
    expect(Array.from(path[4])).toEqual([expect.closeTo(0, 5), expect.closeTo(2, 5)]);
    expect(Math.hypot(...path[2])).toBeCloseTo(1.5, 5);
  });

  it('finds nearest neighbours by euclidean and cosine distance', () => {
    const codes = vec(0, 0, 1, 0, 10, 0.5, -1, 0);
    const e = nearestNeighbours(vec(0.9, 0), codes, 4, 2);
    expect(e.map((n) => n.index)).toEqual([1, 0]);
    const c = nearestNeighbours(vec(0.9, 0), codes, 4, 2, 'cosine');
    expect(c.map((n) => n.index)).toEqual([1, 2]);
    expect(c[0].distance).toBeCloseTo(0, 6);
  });
});

describe('sampling', () => {
  it('samples the prior reproducibly', async () => {
    const a = await samplePrior(vae, 100, 4);
    expect(a).toEqual(await samplePrior(vae, 100, 4));
    const mean = a.reduce((s, x) => s + x, 0) / a.length;
    expect(Math.abs(mean)).toBeLessThan(0.25);
  });

  it('samples around the learned class mean of cvae-prior', async () => {
    const means = await classPriorMeans(prior);
    expect(means).toHaveLength(8);
    const z = await samplePrior(prior, 400, 1, 2);
    const m = meanCode(z, 400, 2);
    expect(m[0]).toBeCloseTo(means[4], 0);
    expect(m[1]).toBeCloseTo(means[5], 0);
  });

  it('samples one class and blends classes (cvae and cvae-prior)', async () => {
    const before = tf.memory().numTensors;
    expect(await sampleClass(cvae, 1, 3, 5)).toHaveLength(3 * 784);
    expect(await sampleClass(prior, 1, 3, 5)).toHaveLength(3 * 784);
    const z = vec(0.1, 0.2);
    const pure = await decodeLatents(cvae, z, 1, { labels: [0] });
    const blendPure = await blendClasses(cvae, z, 1, [1, 0, 0, 0]);
    expect(Array.from(blendPure)).toEqual(Array.from(pure));
    const mixed = await blendClasses(prior, z, 1, [0.5, 0.5, 0, 0]);
    expect(mixed).toHaveLength(784);
    await expect(blendClasses(cvae, z, 1, [1, 0])).rejects.toThrow(LATENT_ERRORS.badWeights);
    await expect(sampleClass(vae, 0, 1, 1)).rejects.toThrow(LATENT_ERRORS.notConditional);
    expect(tf.memory().numTensors).toBe(before);
  });
});

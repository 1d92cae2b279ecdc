import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unwrap } from '../../../src/shared/contract/envelope';
import type { EngineChannelName, Request, Response } from '../../../src/shared/contract/index';
import { startEngine, type Engine } from '../../../src/engine/engine';
import { EXPLORE_ERRORS } from '../../../src/engine/explore/errors';
import { CLASS_ERRORS } from '../../../src/engine/runtime/latent-ops';
import { buildModel, defaultConfig } from '../../../src/engine/models/build';
import { metadataFor } from '../../../src/engine/models/store/metadata';
import { saveModel } from '../../../src/engine/models/store/store';
import { tf } from '../../helpers/tf';
import { seedTinyModels } from '../../helpers/tiny-models';
import { tempDir } from '../../helpers/temp-folder';

/** Mean absolute difference of two equally long images. */
function difference(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

describe('explore handlers on tiny MNIST models', () => {
  let engine: Engine;
  let home: string;
  let ids: { vae: string; cvae: string; sketch: string };
  const call = async <C extends EngineChannelName>(channel: C, request: Request<C>): Promise<Response<C>> =>
    unwrap(await engine.handle(channel, request)) as Response<C>;

  beforeAll(async () => {
    home = tempDir('explore');
    ids = await seedTinyModels(home, ['vae', 'cvae', 'sketch']);
    engine = await startEngine({ dataHome: home, resourcesDir: join(home, 'none'), backend: 'wasm' }, () => {});
    // An untrained cvae-prior (learned class prior means): the shapes and paths, not the pictures.
    const prior = buildModel(defaultConfig('cvae-prior', { hiddenSize: 16, latentSize: 3, numClasses: 4, seed: 3 }));
    await saveModel(prior, join(home, 'models', 'prior'), metadataFor(prior.config, ['a', 'b', 'c', 'd']));
    prior.dispose();
  }, 240_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('grid: n×n distinct, non-blank images over two latent dims', async () => {
    const grid = await call('explore:grid', { modelId: ids.vae, n: 15, low: 0.05, high: 0.95, axes: 'dims' });
    expect(grid.n).toBe(15);
    expect(grid.images).toHaveLength(225 * 784);
    expect(grid.latents).toHaveLength(225 * 2);
    expect(grid.axisLabels).toEqual(['z0', 'z1']);
    const cell = (i: number) => grid.images.subarray(i * 784, (i + 1) * 784);
    expect(Math.max(...cell(0))).toBeGreaterThan(0.3);
    expect(difference(cell(0), cell(224))).toBeGreaterThan(0.02);
    // the corner codes sit at the 5% and 95% quantiles of N(0, 1)
    expect(grid.latents[0]).toBeCloseTo(-1.645, 2);
    expect(grid.latents[1]).toBeCloseTo(1.645, 2);
  });

  test('grid of a 4-d model along principal directions, at a class', async () => {
    const grid = await call('explore:grid', {
      modelId: ids.cvae,
      n: 5,
      low: 0.05,
      high: 0.95,
      axes: 'pca',
      label: 3,
    });
    expect(grid.images).toHaveLength(25 * 784);
    expect(grid.axisLabels[0]).toMatch(/^PC1 \(\d+%\)$/);
  });

  test('scatter: 2-d codes directly, with labels, class names and thumbnails', async () => {
    const scatter = await call('explore:scatter', { modelId: ids.vae, projection: 'latent' });
    expect(scatter.count).toBe(300); // the validation split of the 3000 digits it was trained on
    expect(scatter.points).toHaveLength(scatter.count * 2);
    expect(scatter.thumbnails).toHaveLength(scatter.count * 784);
    expect(scatter.classNames).toHaveLength(10);
    expect(new Set(scatter.labels).size).toBe(10);
    const item = await call('explore:item', { modelId: ids.vae, index: 5 });
    expect(item.code[0]).toBeCloseTo(scatter.points[10], 4);
    expect(item.strokes).toBeNull(); // MNIST is bitmaps only
    expect(item.className).toBe(scatter.classNames[scatter.labels[5]]);
  });

  test('scatter of a 4-d model by PCA and by seeded UMAP; codes can be placed on it', async () => {
    const byPca = await call('explore:scatter', { modelId: ids.cvae, projection: 'pca', maxPoints: 300 });
    expect(byPca.count).toBe(300);
    const umap = await call('explore:scatter', { modelId: ids.cvae, projection: 'umap', maxPoints: 300 });
    expect(umap.points.every(Number.isFinite)).toBe(true);
    const item = await call('explore:item', { modelId: ids.cvae, index: 0 });
    const placed = await call('explore:project', { modelId: ids.cvae, projection: 'pca', codes: item.code });
    expect(placed.points[0]).toBeCloseTo(byPca.points[0], 3);
    expect(placed.points[1]).toBeCloseTo(byPca.points[1], 3);
    // an item of the set lands (almost exactly) on its own point
    const onUmap = await call('explore:project', { modelId: ids.cvae, projection: 'umap', codes: item.code });
    expect(onUmap.points[0]).toBeCloseTo(umap.points[0], 2);
    expect(onUmap.points[1]).toBeCloseTo(umap.points[1], 2);
    // seeded: the same model gives the same picture
    const again = await call('explore:scatter', { modelId: ids.cvae, projection: 'umap', maxPoints: 300 });
    expect(Array.from(again.points.subarray(0, 6))).toEqual(Array.from(umap.points.subarray(0, 6)));
  }, 120_000);

  test('items of a Quick, Draw! set come with their strokes', async () => {
    const scatter = await call('explore:scatter', { modelId: ids.sketch, projection: 'latent' });
    expect(scatter.count).toBe(25); // a tiny set is explored whole, not only its validation split
    expect(scatter.classNames).toEqual(['cat']);
    const item = await call('explore:item', { modelId: ids.sketch, index: 7 });
    expect(item.strokes?.length).toBeGreaterThan(0);
    expect(Math.max(...item.strokes!.flatMap((s) => s.x))).toBeLessThanOrEqual(255);
  });

  test('interpolation: steps from one code to another, both modes', async () => {
    const from = new Float32Array([-1.5, -1.5]);
    const to = new Float32Array([1.5, 1.5]);
    for (const mode of ['linear', 'spherical'] as const) {
      const strip = await call('explore:interpolate', { modelId: ids.vae, from, to, steps: 8, mode });
      expect(strip.count).toBe(8);
      expect(Array.from(strip.latents.subarray(0, 2))).toEqual([-1.5, -1.5]);
      expect(difference(strip.images.subarray(0, 784), strip.images.subarray(7 * 784))).toBeGreaterThan(0.02);
    }
  });

  test('samples are seeded', async () => {
    const a = await call('explore:samples', { modelId: ids.vae, count: 6, seed: 1 });
    const b = await call('explore:samples', { modelId: ids.vae, count: 6, seed: 1 });
    const c = await call('explore:samples', { modelId: ids.vae, count: 6, seed: 2 });
    expect(Array.from(a.latents)).toEqual(Array.from(b.latents));
    expect(difference(a.images, c.images)).toBeGreaterThan(0.01);
  });

  test('conditional: style × class grid and class blending', async () => {
    const grid = await call('explore:class-grid', { modelId: ids.cvae, styles: 3, seed: 4 });
    expect([grid.rows, grid.cols]).toEqual([3, 10]);
    expect(grid.images).toHaveLength(30 * 784);
    const eight = new Array(10).fill(0);
    eight[8] = 1;
    const half = new Array(10).fill(0);
    half[8] = 0.5;
    half[3] = 0.5;
    const a = await call('explore:blend', { modelId: ids.cvae, weights: eight, count: 2, seed: 9 });
    const b = await call('explore:blend', { modelId: ids.cvae, weights: half, count: 2, seed: 9 });
    expect(Array.from(a.latents)).toEqual(Array.from(b.latents));
    expect(difference(a.images, b.images)).toBeGreaterThan(0.005);
    await expect(
      engine.handle('explore:blend', { modelId: ids.vae, weights: eight, count: 1, seed: 1 }),
    ).resolves.toMatchObject({
      ok: false,
      error: { message: EXPLORE_ERRORS.notConditional },
    });
  });

  test('cvae-prior: class grid, blending, class samples and a grid around a class prior mean', async () => {
    const modelId = 'user:prior';
    const grid = await call('explore:class-grid', { modelId, styles: 2, seed: 1 });
    expect([grid.rows, grid.cols, grid.latentSize]).toEqual([2, 4, 3]);
    const blend = await call('explore:blend', { modelId, weights: [0.5, 0.5, 0, 0], count: 3, seed: 1 });
    expect(blend.images).toHaveLength(3 * 784);
    const samples = await call('explore:samples', { modelId, count: 2, seed: 1, label: 2 });
    expect(samples.latents).toHaveLength(6);
    const around = await call('explore:grid', {
      modelId,
      n: 3,
      low: 0.05,
      high: 0.95,
      axes: 'dims',
      dims: [0, 2],
      label: 1,
    });
    expect(around.axisLabels).toEqual(['z0', 'z2']);
    // without a dataset in its metadata there is nothing to scatter, and the message says so
    const scatter = await engine.handle('explore:scatter', { modelId, projection: 'pca' });
    expect(scatter).toMatchObject({ ok: false, error: { message: EXPLORE_ERRORS.noDataset } });
  });

  test('a class the conditional model lacks is refused with the one message, whichever channel asks', async () => {
    const refused = { ok: false, error: { message: CLASS_ERRORS.outOfRange(4, 7) } };
    await expect(
      engine.handle('explore:samples', { modelId: 'user:prior', count: 1, seed: 1, label: 7 }),
    ).resolves.toMatchObject(refused);
    const z = new Float32Array(3);
    await expect(
      engine.handle('explore:interpolate', {
        modelId: 'user:prior',
        from: z,
        to: z,
        steps: 2,
        mode: 'linear',
        label: 7,
      }),
    ).resolves.toMatchObject(refused);
    await expect(engine.handle('latent:decode', { modelId: 'user:prior', z, label: 7 })).resolves.toMatchObject(
      refused,
    );
  });

  test('neighbours: nearest first, the item itself at distance 0', async () => {
    const item = await call('explore:item', { modelId: ids.vae, index: 12 });
    const found = await call('explore:neighbours', { modelId: ids.vae, code: item.code, k: 6 });
    expect(found.neighbours).toHaveLength(6);
    expect(found.neighbours[0]).toMatchObject({ index: 12, distance: 0 });
    expect(found.thumbnails).toHaveLength(6 * 784);
    const distances = found.neighbours.map((n) => n.distance);
    expect(distances).toEqual([...distances].sort((x, y) => x - y));
  });

  test('encode gives the code of an image; bad sizes are refused with the constant messages', async () => {
    const item = await call('explore:item', { modelId: ids.vae, index: 3 });
    const { code } = await call('explore:encode', { modelId: ids.vae, image: item.image });
    expect(code[0]).toBeCloseTo(item.code[0], 4);
    const bad = await engine.handle('explore:interpolate', {
      modelId: ids.vae,
      from: new Float32Array(3),
      to: new Float32Array(3),
      steps: 4,
      mode: 'linear',
    });
    expect(bad).toMatchObject({ ok: false, error: { message: EXPLORE_ERRORS.badCode(2) } });
    const tooBig = await engine.handle('explore:grid', {
      modelId: ids.vae,
      n: 500,
      low: 0.05,
      high: 0.95,
      axes: 'dims',
    });
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  test('no tensor leaks over repeated calls', async () => {
    const round = async () => {
      await call('explore:grid', { modelId: ids.cvae, n: 4, low: 0.05, high: 0.95, axes: 'pca', label: 1 });
      await call('explore:samples', { modelId: ids.cvae, count: 4, seed: 3, label: 2 });
      await call('explore:class-grid', { modelId: ids.cvae, styles: 2, seed: 3 });
      await call('explore:blend', {
        modelId: ids.cvae,
        weights: [0.5, 0.5, 0, 0, 0, 0, 0, 0, 0, 0],
        count: 2,
        seed: 3,
      });
      await call('explore:interpolate', {
        modelId: ids.vae,
        from: new Float32Array(2),
        to: new Float32Array([1, 1]),
        steps: 4,
        mode: 'spherical',
      });
      await call('explore:neighbours', { modelId: ids.vae, code: new Float32Array(2), k: 3 });
      await call('explore:scatter', { modelId: ids.vae, projection: 'pca' });
    };
    await round();
    const before = tf.memory().numTensors;
    for (let i = 0; i < 3; i += 1) await round();
    expect(tf.memory().numTensors).toBe(before);
  });
});

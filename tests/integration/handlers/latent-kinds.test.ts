import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unwrap } from '../../../src/shared/contract/envelope';
import type { EngineChannelName, Request, Response } from '../../../src/shared/contract/index';
import { startEngine, type Engine } from '../../../src/engine/engine';
import { buildModel, defaultConfig, metadataFor, saveModel } from '../../../src/engine/models/index';
import { selectBackend } from '../../../src/engine/backend/select';
import { sharedData } from '../../helpers/shared-data';
import { CLASS_ERRORS } from '../../../src/engine/runtime/latent-ops';
import { tempDir } from '../../helpers/temp-folder';

const DIGITS = Array.from({ length: 10 }, (_, i) => String(i));
const STROKE = [{ x: [10, 60, 120], y: [10, 90, 40] }];

/** Untrained models are enough here: these tests check shapes and plumbing, not quality. */
describe('latent handlers on large-latent and conditional models', () => {
  let engine: Engine;
  let home: string;
  const call = async <C extends EngineChannelName>(channel: C, request: Request<C>): Promise<Response<C>> =>
    unwrap(await engine.handle(channel, request)) as Response<C>;

  beforeAll(async () => {
    await selectBackend({ only: 'wasm' });
    home = tempDir('kinds');
    const mnist = sharedData('mnist/t10k-images-idx3-ubyte.gz');
    const dataset = { source: mnist, count: 1000, trainCount: 900, validationCount: 100 };
    const wide = buildModel(defaultConfig('mlp-vae', { latentSize: 32, hiddenSize: 64 }));
    await saveModel(wide, join(home, 'models', 'wide'), metadataFor(wide.config, DIGITS, { dataset }));
    wide.dispose();
    const cvae = buildModel(defaultConfig('cvae', { hiddenSize: 64, numClasses: 10 }));
    await saveModel(cvae, join(home, 'models', 'cond'), metadataFor(cvae.config, DIGITS, { dataset }));
    cvae.dispose();
    engine = await startEngine({ dataHome: home, resourcesDir: join(home, 'none'), backend: 'wasm' }, () => {});
  }, 120_000);
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('a 32-d latent gets 16 principal directions of its data’s codes, largest first', async () => {
    const space = await call('latent:space', { modelId: 'user:wide' });
    expect(space.axes).toBe('pca');
    expect(space.source).toBe('dataset');
    expect(space.directions).toHaveLength(16);
    expect(space.directions[0]).toHaveLength(32);
    expect(space.spread[0]).toBeGreaterThanOrEqual(space.spread[15]);
    expect(space.grid).toBeUndefined();
    expect(space.points.length).toBe(2 * space.labels.length);
  });

  test('a conditional model reconstructs with the chosen class, and defaults to the first', async () => {
    const three = await call('latent:reconstruct', { modelId: 'user:cond', strokes: STROKE, label: 3 });
    const five = await call('latent:reconstruct', { modelId: 'user:cond', strokes: STROKE, label: 5 });
    const none = await call('latent:reconstruct', { modelId: 'user:cond', strokes: STROKE });
    const diff = three.output.reduce((a, v, i) => a + Math.abs(v - five.output[i]), 0);
    expect(diff).toBeGreaterThan(0);
    expect(none.output).toHaveLength(784);
    const space = await call('latent:space', { modelId: 'user:cond', label: 3 });
    expect(space.axes).toBe('dims');
    expect(space.grid?.n).toBe(12);
  });

  test('a class the conditional model does not have is refused, not answered as class 0', async () => {
    const z = new Float32Array(2);
    const decoded = await engine.handle('latent:decode', { modelId: 'user:cond', z, label: 9999 });
    expect(decoded).toEqual({
      ok: false,
      error: { message: CLASS_ERRORS.outOfRange(10, 9999), code: 'failed' },
    });
    const reconstructed = await engine.handle('latent:reconstruct', {
      modelId: 'user:cond',
      strokes: STROKE,
      label: 10,
    });
    expect(reconstructed.ok).toBe(false);
    expect((await engine.handle('latent:decode', { modelId: 'user:cond', z, label: 9 })).ok).toBe(true);
  });

  test('a missing model says so', async () => {
    const reply = await engine.handle('latent:reconstruct', { modelId: 'user:nope', strokes: [] });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toContain('model folder not found');
  });
});

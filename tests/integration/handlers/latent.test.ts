import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { unwrap } from '../../../src/shared/contract/envelope';
import type { Request, Response } from '../../../src/shared/contract/index';
import type { EngineChannelName } from '../../../src/shared/contract/index';
import { startEngine, type Engine } from '../../../src/engine/engine';
import { tf } from '../../helpers/tf';
import { ensureFixtureModel, FIXTURE_NAME } from '../../fixtures/mnist-vae';

const MODEL = `user:${FIXTURE_NAME}`;
/** A vertical bar ("1") and a ring ("0") in canvas pixels. */
const ONE = [{ x: [200, 200, 201], y: [60, 200, 340] }];
const ZERO = [
  {
    x: Array.from({ length: 33 }, (_, i) => 200 + 80 * Math.sin((i / 32) * 2 * Math.PI)),
    y: Array.from({ length: 33 }, (_, i) => 200 - 130 * Math.cos((i / 32) * 2 * Math.PI)),
  },
];

describe('latent and concepts handlers on a trained MNIST VAE', () => {
  let engine: Engine;
  let home: string;
  const call = async <C extends EngineChannelName>(channel: C, request: Request<C>): Promise<Response<C>> =>
    unwrap(await engine.handle(channel, request)) as Response<C>;

  beforeAll(async () => {
    const folder = await ensureFixtureModel();
    home = mkdtempSync(join(tmpdir(), 'latentdraw-handlers-'));
    mkdirSync(join(home, 'models'), { recursive: true });
    cpSync(folder, join(home, 'models', FIXTURE_NAME), { recursive: true });
    engine = await startEngine({ dataHome: home, resourcesDir: join(home, 'no-resources'), backend: 'wasm' }, () => {});
  }, 900_000); // the first run trains the fixture model (minutes on wasm); later runs reuse it
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('models:list shows the model with its details and the backend', async () => {
    const list = await call('models:list', {});
    expect(list.backend).toBe('wasm');
    expect(list.models).toHaveLength(1);
    expect(list.models[0]).toMatchObject({
      id: MODEL,
      kind: 'mlp-vae',
      latentSize: 2,
      recipe: 'quickdraw28',
      origin: 'user',
    });
  });

  test('reconstructs a drawing: input raster, code and a decoded image that depend on the drawing', async () => {
    const one = await call('latent:reconstruct', { modelId: MODEL, strokes: ONE });
    const zero = await call('latent:reconstruct', { modelId: MODEL, strokes: ZERO });
    expect(one.size).toBe(28);
    expect(one.input).toHaveLength(784);
    expect(one.z).toHaveLength(2);
    expect(Math.max(...one.input)).toBeGreaterThan(0.5);
    const diff = one.output.reduce((a, v, i) => a + Math.abs(v - zero.output[i]), 0);
    expect(diff).toBeGreaterThan(20);
    // A "0" decodes to a ring: more ink away from the centre column than the "1".
    const inkOffCentre = (img: Float32Array) => img.reduce((a, v, i) => a + (Math.abs((i % 28) - 14) > 4 ? v : 0), 0);
    expect(inkOffCentre(zero.output)).toBeGreaterThan(inkOffCentre(one.output));
  });

  test('does not leak tensors per request', async () => {
    await call('latent:reconstruct', { modelId: MODEL, strokes: ONE });
    const before = tf.memory().numTensors;
    for (let i = 0; i < 5; i++) {
      await call('latent:reconstruct', { modelId: MODEL, strokes: ZERO });
      await call('latent:decode', { modelId: MODEL, z: new Float32Array([i * 0.3, -i * 0.2]) });
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('latent:decode checks the code length', async () => {
    const reply = await engine.handle('latent:decode', { modelId: MODEL, z: new Float32Array(3) });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toBe("this model's codes have 2 values, not 3");
  });

  test('latent:space gives per-dimension axes, the scatter of MNIST codes and a grid of digits', async () => {
    const space = await call('latent:space', { modelId: MODEL });
    expect(space.axes).toBe('dims');
    expect(space.source).toBe('dataset');
    expect(space.directions).toHaveLength(2);
    expect(space.points.length).toBe(2 * space.labels.length);
    expect(space.classNames).toContain('7');
    expect(space.grid?.images).toHaveLength(12 * 12 * 784);
  });

  test('rejects requests outside the schema', async () => {
    const reply = await engine.handle('latent:reconstruct', { modelId: '../etc', strokes: [] });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.code).toBe('invalid-request');
  });

  test('defines, persists, applies and deletes a concept vector (7 − 1)', async () => {
    const concept = await call('concepts:define', {
      modelId: MODEL,
      name: 'sevenness',
      a: { kind: 'label', label: 7 },
      b: { kind: 'label', label: 1 },
    });
    expect(concept.description).toBe('7 − 1');
    expect(concept.vector).toHaveLength(2);
    const listed = await call('concepts:list', { modelId: MODEL });
    expect(listed.concepts.map((c) => c.name)).toEqual(['sevenness']);
    const weak = await call('concepts:apply', { modelId: MODEL, id: concept.id, strokes: ONE, strength: 0 });
    const strong = await call('concepts:apply', { modelId: MODEL, id: concept.id, strokes: ONE, strength: 2 });
    const diff = weak.output.reduce((a, v, i) => a + Math.abs(v - strong.output[i]), 0);
    expect(diff).toBeGreaterThan(10);
    const after = await call('concepts:delete', { modelId: MODEL, id: concept.id });
    expect(after.concepts).toHaveLength(0);
  });

  test('concepts from picked items and from drawings are kept as JSON in the data home', async () => {
    const gallery = await call('concepts:samples', { modelId: MODEL, count: 4, label: 0 });
    const concept = await call('concepts:define', {
      modelId: MODEL,
      name: 'roundness',
      a: { kind: 'items', indexes: gallery.items.map((i) => i.index) },
      b: { kind: 'drawings', drawings: [ONE] },
    });
    expect(concept.description).toBe('4 picked items − 1 drawings');
    expect(concept.countA).toBe(4);
    const file = JSON.parse(readFileSync(join(home, 'concepts', `user--${FIXTURE_NAME}.json`), 'utf8')) as {
      concepts: Array<{ name: string; vector: number[] }>;
    };
    expect(file.concepts.map((c) => c.name)).toContain('roundness');
    expect(file.concepts[0].vector).toHaveLength(2);
    const bad = await engine.handle('concepts:define', {
      modelId: MODEL,
      name: 'x',
      a: { kind: 'items', indexes: [999_999] },
      b: { kind: 'label', label: 1 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe("dataset item 999999 is not in this model's samples");
  });

  test('gallery samples and A − B + C arithmetic', async () => {
    const gallery = await call('concepts:samples', { modelId: MODEL, count: 6, label: 3 });
    expect(gallery.items).toHaveLength(6);
    expect(gallery.items.every((i) => i.label === 3)).toBe(true);
    const result = await call('concepts:arithmetic', {
      modelId: MODEL,
      a: { kind: 'drawing', strokes: ZERO },
      b: { kind: 'item', index: gallery.items[0].index },
      c: { kind: 'item', index: gallery.items[1].index },
    });
    expect(result.images).toHaveLength(4);
    expect(result.images[3]).toHaveLength(784);
  });
});

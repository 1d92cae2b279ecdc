import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tf } from '../../helpers/tf';
import { fixtureEngine, FIXTURE_MODEL as MODEL, ONE, ZERO, type FixtureEngine } from '../../helpers/fixture-engine';

describe('latent handlers on a trained MNIST VAE', () => {
  let fixture: FixtureEngine;
  let engine: FixtureEngine['engine'];
  let call: FixtureEngine['call'];

  beforeAll(async () => {
    fixture = await fixtureEngine();
    ({ engine, call } = fixture);
  }, 900_000); // the first run trains the fixture model (minutes on wasm); later runs reuse it
  afterAll(() => fixture.close());

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
});

import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tf } from '../../../src/engine/backend/select';
import { startEngine, type Engine } from '../../../src/engine/engine';
import { decodeOne } from '../../../src/engine/runtime/latent-ops';
import { LoadedModels } from '../../../src/engine/runtime/loaded-models';
import { tempDir } from '../../helpers/temp-folder';

/** The five shipped models: more than the engine keeps loaded, so requests evict each other. */
const MODELS = ['shipped:cat-ae', 'shipped:cat-vae', 'shipped:mnist-cvae', 'shipped:mnist-digits', 'shipped:mnist-vae'];
const STROKES = [{ x: [40, 120, 200, 120, 40], y: [40, 200, 40, 120, 40] }];

describe('models stay loaded while a request uses them', () => {
  const home = tempDir('in-use');
  let engine: Engine;
  const reconstruct = (modelId: string) => engine.handle('latent:reconstruct', { modelId, strokes: STROKES });

  beforeAll(async () => {
    engine = await startEngine({ dataHome: home, resourcesDir: resolve('resources'), backend: 'wasm' }, () => {});
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  /** Uses the last three models one after the other: the cache then holds exactly those. */
  async function settle(): Promise<void> {
    for (const id of MODELS.slice(-3)) expect((await reconstruct(id)).ok).toBe(true);
  }

  it('answers 128 concurrent requests over five models, then holds no more tensors than before', async () => {
    expect((await reconstruct(MODELS[0])).ok).toBe(true);
    await settle();
    const before = tf.memory().numTensors;

    const replies = await Promise.all(Array.from({ length: 128 }, (_, i) => reconstruct(MODELS[i % MODELS.length])));
    const failures = replies.flatMap((r) => (r.ok ? [] : [r.error.message]));
    expect(failures).toEqual([]);

    await settle();
    expect(tf.memory().numTensors).toBe(before);
  }, 120_000);

  it('disposes a model that left the cache only when its last user is done', async () => {
    const models = new LoadedModels(resolve('resources/models'), resolve(home, 'models'));
    const before = tf.memory().numTensors;
    let release = () => {};
    const held = new Promise<void>((done) => (release = done));
    const holding = models.use(MODELS[0], async (loaded) => {
      await held;
      return decodeOne(loaded, new Float32Array(loaded.metadata.latentSize));
    });
    for (const id of MODELS.slice(1)) await models.use(id, () => undefined);
    const whileHeld = tf.memory().numTensors;

    release();
    expect((await holding).length).toBe(28 * 28);
    await new Promise((done) => setImmediate(done));
    expect(tf.memory().numTensors).toBeLessThan(whileHeld);
    await models.clear();
    expect(tf.memory().numTensors).toBe(before);
  });
});

import { cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { STORE_ERRORS } from '../../../src/engine/models/store/errors';
import type { TrainingDoneEvent } from '../../../src/shared/contract/training';
import { engineUnderTest, type EngineUnderTest } from '../../helpers/engine-under-test';
import { fingerprint } from '../../helpers/fingerprint';

const SHIPPED_MODEL = resolve('resources/models/mnist-vae');
const settings = {
  epochs: 1,
  batchSize: 50,
  learningRate: 0.001,
  optimizer: 'adam' as const,
  beta: 1,
  latentSize: 2,
  hiddenSize: 16,
  validationShare: 0.1,
  seed: 1,
};

/** Trains a one-epoch MLP VAE under `modelName` through the studio's handlers. */
async function trainAs(t: EngineUnderTest, source: string, modelName: string): Promise<TrainingDoneEvent> {
  const run = await t.call('training:start', { source, kind: 'mlp-vae', modelName, settings });
  return t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === run.runId);
}

const listedIds = async (t: EngineUnderTest) => (await t.call('models:list', {})).models.map((m) => m.id);

describe('the studio saves and lists every model name it accepts, and touches no other model', () => {
  let t: EngineUnderTest;
  let source: string;
  let models: string;
  beforeAll(async () => {
    t = await engineUnderTest();
    models = join(t.home, 'models');
    const outcome = await t.call('datasets:import-paths', {
      paths: [resolve('resources/data/mnist-t10k-images-idx3-ubyte.gz')],
      names: ['digits'],
      limit: 200,
    });
    source = outcome.dataset!.id;
  }, 120_000);
  afterAll(() => t?.close());

  test('a model named keep.old-2024-06 beside keep and solo.old-3-4: none is deleted or renamed, all list', async () => {
    cpSync(SHIPPED_MODEL, join(models, 'keep'), { recursive: true });
    cpSync(SHIPPED_MODEL, join(models, 'solo.old-3-4'), { recursive: true });
    const keep = fingerprint(join(models, 'keep'));
    const solo = fingerprint(join(models, 'solo.old-3-4'));
    const done = await trainAs(t, source, 'keep.old-2024-06');
    expect(done).toMatchObject({ status: 'completed', modelId: 'user:keep.old-2024-06' });
    expect(await listedIds(t)).toEqual(['user:keep', 'user:keep.old-2024-06', 'user:solo.old-3-4']);
    expect(readdirSync(models).sort()).toEqual(['keep', 'keep.old-2024-06', 'solo.old-3-4']);
    expect(fingerprint(join(models, 'keep'))).toEqual(keep);
    expect(fingerprint(join(models, 'solo.old-3-4'))).toEqual(solo);
    // Training `keep` itself replaces only keep.
    const again = fingerprint(join(models, 'keep.old-2024-06'));
    expect(await trainAs(t, source, 'keep')).toMatchObject({ status: 'completed' });
    expect(fingerprint(join(models, 'keep.old-2024-06'))).toEqual(again);
    expect(fingerprint(join(models, 'solo.old-3-4'))).toEqual(solo);
    expect(await listedIds(t)).toEqual(['user:keep', 'user:keep.old-2024-06', 'user:solo.old-3-4']);
  });

  test('a folder of a person’s files in the models folder is not trained over: the run fails first, naming it', async () => {
    const notes = join(models, 'notes');
    mkdirSync(notes, { recursive: true });
    writeFileSync(join(notes, 'todo.txt'), 'read the VAE chapter\n');
    const before = fingerprint(notes);
    const done = await trainAs(t, source, 'notes');
    expect(done.status).toBe('failed');
    expect(done.error).toBe(`${STORE_ERRORS.targetNotModel}: ${notes}`);
    // Refused before any epoch ran.
    expect(done.epochsDone).toBe(0);
    expect(fingerprint(notes)).toEqual(before);
  });

  test('names a model could never list (.hidden, ..., .keep.saving-1-1) are refused before a run starts', async () => {
    for (const modelName of ['.hidden', '...', '.keep.saving-1-1']) {
      const reply = await t.raw('training:start', { source, kind: 'mlp-vae', modelName, settings });
      expect(reply, modelName).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
    expect(await t.call('training:status', {})).toBeNull();
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TRAINING_ERRORS } from '../../../src/engine/jobs/training-jobs';
import type { TrainingDoneEvent, TrainingProgressEvent } from '../../../src/shared/contract/training';
import { sharedData } from '../../helpers/shared-data';
import { engineUnderTest, type EngineUnderTest } from '../../helpers/engine-under-test';

const settings = {
  epochs: 2,
  batchSize: 64,
  learningRate: 0.001,
  optimizer: 'adam' as const,
  beta: 1,
  latentSize: 2,
  validationShare: 0.1,
  seed: 1,
};

// Needs ../shared/data (MNIST t10k): trains tiny MLP VAEs on wasm.
describe('training handlers', () => {
  let t: EngineUnderTest;
  let datasetId: string;
  beforeAll(async () => {
    t = await engineUnderTest();
    const outcome = await t.call('datasets:import-paths', {
      paths: [sharedData('mnist/t10k-images-idx3-ubyte.gz')],
      names: ['t10k-images-idx3-ubyte.gz'],
      limit: 400,
    });
    datasetId = outcome.dataset!.id;
  }, 120_000);
  afterAll(() => t?.close());

  test('lists the store datasets as sources and reports whether conv layers can train', async () => {
    const sources = await t.call('training:sources', {});
    expect(sources.map((s) => s.id)).toContain(datasetId);
    const capabilities = await t.call('training:capabilities', {});
    expect(capabilities.backend).toBe('wasm');
    expect(typeof capabilities.convTrainable).toBe('boolean');
    // Every backend a run could choose, best first, each with why it is not available.
    expect(capabilities.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    expect(capabilities.backends.find((b) => b.available)?.name).toBe('wasm');
    for (const b of capabilities.backends.filter((s) => !s.available)) expect(b.reason).toBeTruthy();
  });

  test('answers requests while a batch is being computed: steps never run on the message loop', async () => {
    // One conv-VAE batch of 300 drawings takes seconds on wasm; the engine must answer meanwhile.
    const run = await t.call('training:start', {
      source: datasetId,
      kind: 'conv-vae',
      modelName: 'busy',
      settings: { ...settings, epochs: 1, batchSize: 300, workers: 1 },
    });
    await t.waitForEvent<TrainingProgressEvent>(
      'training:progress',
      (e) => e.runId === run.runId && e.type === 'loading' && e.message.startsWith('Training on'),
    );
    const batchesSoFar = () =>
      t.events.filter((e) => e.name === 'training:progress' && (e.payload as TrainingProgressEvent).type === 'batch')
        .length;
    const before = batchesSoFar();
    for (let i = 0; i < 5; i++) await t.call('models:list', {});
    expect(batchesSoFar()).toBe(before);
    await t.call('training:cancel', {});
    await t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === run.runId);
  });

  test('trains a tiny MLP VAE in the background, reports progress and saves a user model', async () => {
    const run = await t.call('training:start', { source: datasetId, kind: 'mlp-vae', modelName: 'tiny', settings });
    expect(await t.call('training:status', {})).toMatchObject({ runId: run.runId });
    await expect(
      t.call('training:start', { source: datasetId, kind: 'mlp-vae', modelName: 'other', settings }),
    ).rejects.toThrow(TRAINING_ERRORS.busy);
    const done = await t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === run.runId);
    expect(done).toMatchObject({ status: 'completed', modelId: 'user:tiny', epochsDone: 2 });
    // This run's events only: the engine under test has run others before it.
    const progress = t.events
      .filter((e) => e.name === 'training:progress')
      .map((e) => e.payload as TrainingProgressEvent)
      .filter((p) => p.runId === run.runId);
    const batch = progress.find((p) => p.type === 'batch');
    expect(batch).toMatchObject({ runId: run.runId, epochs: 2 });
    const epochs = progress.filter((p) => p.type === 'epoch');
    expect(epochs).toHaveLength(2);
    const last = epochs[1];
    if (last.type !== 'epoch') throw new Error('not an epoch event');
    expect(Number.isFinite(last.validationLoss)).toBe(true);
    expect(last.reconstructions.length).toBeGreaterThan(0);
    expect(last.reconstructions[0]).toHaveLength(784);
    // The live latent map: the validation codes of this epoch, 2-d as the latent is, with classes.
    expect(last.latentMap?.axes).toBe('dims');
    expect(last.latentMap?.x.length).toBeGreaterThan(0);
    expect(last.latentMap?.y).toHaveLength(last.latentMap!.x.length);
    expect(last.latentMap?.labels).toHaveLength(last.latentMap!.x.length);
    expect(last.latentMap?.classNames.length).toBeGreaterThan(1);
    expect(Array.from(last.latentMap!.x).every(Number.isFinite)).toBe(true);
    // The run went to a trainer thread on the best backend, and the model says which.
    expect(done.backend).toBe('wasm');
    expect(existsSync(join(t.home, 'models', 'tiny', 'latentdraw.json'))).toBe(true);
    const metadata = JSON.parse(readFileSync(join(t.home, 'models', 'tiny', 'latentdraw.json'), 'utf8')) as {
      training: { backend: string };
    };
    expect(metadata.training.backend).toBe('wasm');
    expect(await t.call('training:status', {})).toBeNull();
  });

  test('cancelling mid-run keeps the last checkpoint and saves no model', async () => {
    const run = await t.call('training:start', {
      source: datasetId,
      kind: 'mlp-vae',
      modelName: 'cancelled',
      settings: { ...settings, epochs: 200, batchSize: 32 },
    });
    await t.waitForEvent<TrainingProgressEvent>(
      'training:progress',
      (e) => e.runId === run.runId && e.type === 'epoch',
    );
    expect((await t.call('training:cancel', {})).cancelled).toBe(true);
    const done = await t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === run.runId);
    expect(done.status).toBe('cancelled');
    expect(done.epochsDone).toBeGreaterThanOrEqual(1);
    expect(done.epochsDone).toBeLessThan(200);
    expect(existsSync(join(t.home, 'checkpoints', 'cancelled', 'latest.json'))).toBe(true);
    expect(existsSync(join(t.home, 'models', 'cancelled'))).toBe(false);

    // Resuming continues from that checkpoint instead of starting over.
    const resumed = await t.call('training:start', {
      source: datasetId,
      kind: 'mlp-vae',
      modelName: 'cancelled',
      settings: { ...settings, epochs: done.epochsDone + 1, batchSize: 32 },
      resume: true,
    });
    const end = await t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === resumed.runId);
    expect(end).toMatchObject({ status: 'completed', epochsDone: done.epochsDone + 1 });
    const epochs = t.events.filter(
      (e) =>
        e.name === 'training:progress' &&
        (e.payload as TrainingProgressEvent).runId === resumed.runId &&
        (e.payload as TrainingProgressEvent).type === 'epoch',
    );
    expect(epochs).toHaveLength(1);
  });

  test('a resume with other settings is refused, naming the setting, and the checkpoint is kept', async () => {
    const latest = join(t.home, 'checkpoints', 'cancelled', 'latest.json');
    const kept = readFileSync(latest, 'utf8');
    const run = await t.call('training:start', {
      source: datasetId,
      kind: 'mlp-vae',
      modelName: 'cancelled',
      settings: { ...settings, epochs: 20, batchSize: 32, learningRate: 0.01 },
      resume: true,
    });
    const done = await t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === run.runId);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('belongs to another run');
    expect(done.error).toContain('the settings differ: learning rate 0.001 in the checkpoint, 0.01 now');
    expect(readFileSync(latest, 'utf8')).toBe(kept);
  });

  test('a run that cannot load its data ends with a clear failure, not a hang', async () => {
    const run = await t.call('training:start', {
      source: 'ds-doesnotexist',
      kind: 'mlp-vae',
      modelName: 'broken',
      settings,
    });
    const done = await t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === run.runId);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('ds-doesnotexist');
  });

  test('refuses model names that are paths', async () => {
    const reply = await t.raw('training:start', { source: datasetId, kind: 'mlp-vae', modelName: '../x', settings });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  test('trains a conv autoencoder on two threads by default (the engine picks data-parallel for conv kinds)', async () => {
    const run = await t.call('training:start', {
      source: datasetId,
      kind: 'conv-ae',
      modelName: 'tiny-conv',
      settings: { ...settings, epochs: 1 },
      limit: 256,
    });
    const done = await t.waitForEvent<TrainingDoneEvent>('training:done', (e) => e.runId === run.runId);
    expect(done).toMatchObject({ status: 'completed', modelId: 'user:tiny-conv', epochsDone: 1 });
    const saved = JSON.parse(readFileSync(join(t.home, 'models', 'tiny-conv', 'latentdraw.json'), 'utf8')) as {
      recipe: string;
      training: { workers: number };
    };
    expect(saved.recipe).toBe('cookbook32');
    expect(saved.training.workers).toBe(availableParallelism() >= 2 ? 2 : 1);
  });
});

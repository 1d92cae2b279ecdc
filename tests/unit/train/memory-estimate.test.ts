import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MEMORY_BUDGET_BYTES, MEMORY_ERRORS } from '../../../src/engine/memory-budget';
import { buildModel, defaultConfig } from '../../../src/engine/models/build';
import { MODEL_KINDS, type ModelConfig, type ModelKind } from '../../../src/engine/models/types';
import { checkRunFits, checkSettingsFit, RUN_MEMORY, runFootprint } from '../../../src/engine/train/memory-estimate';
import { TRAINING_DEFAULTS } from '../../../src/shared/contract/training-settings';
import { TRAINING_LIMITS } from '../../../src/shared/contract/training';
import { useBackend } from '../../helpers/tf';

const classesOf = (kind: ModelKind) => (kind.startsWith('cvae') ? 3 : 1);

describe('the memory a training run needs', () => {
  beforeAll(() => useBackend('cpu'));

  it.each(MODEL_KINDS)('counts the weights %s builds, from its config alone', (kind) => {
    for (const sizes of [
      { hiddenSize: 24, latentSize: 3 },
      { hiddenSize: 40, latentSize: 5, recipe: 'cookbook32' as const, imageSize: 32 },
    ]) {
      const config = defaultConfig(kind, { ...sizes, numClasses: classesOf(kind) });
      const model = buildModel(config);
      try {
        const built = [model.encoder, model.decoder, model.prior].reduce((n, p) => n + (p?.countParams() ?? 0), 0);
        expect(runFootprint(config, 1).parameters).toBe(built);
      } finally {
        model.dispose();
      }
    }
  });

  it('lets every shipped model and every kind at its defaults train in under a third of the budget', () => {
    const root = resolve('resources/models');
    const shipped = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(shipped.length).toBeGreaterThan(0);
    for (const folder of shipped) {
      const meta = JSON.parse(readFileSync(join(root, folder.name, 'latentdraw.json'), 'utf8')) as ModelConfig & {
        training: { batchSize: number; workers: number };
      };
      const config = defaultConfig(meta.kind, meta);
      const { bytes } = runFootprint(config, meta.training.batchSize, meta.training.workers);
      expect(bytes, folder.name).toBeLessThan(MEMORY_BUDGET_BYTES / 3);
    }
    for (const kind of MODEL_KINDS) {
      const config = defaultConfig(kind, { numClasses: classesOf(kind) > 1 ? 10 : 1 });
      expect(runFootprint(config, TRAINING_DEFAULTS.batchSize, 2).bytes, kind).toBeLessThan(MEMORY_BUDGET_BYTES / 3);
    }
  });

  it("refuses the contract's own maxima for the conv VAE, saying how much and what to lower", () => {
    const config = defaultConfig('conv-vae', { latentSize: TRAINING_LIMITS.latentSize, hiddenSize: 4096 });
    const { bytes } = runFootprint(config, TRAINING_LIMITS.batchSize);
    expect(bytes).toBeGreaterThan(3 * MEMORY_BUDGET_BYTES);
    const message = MEMORY_ERRORS.tooBig(RUN_MEMORY.what, bytes, RUN_MEMORY.advice('conv-vae'));
    expect(message).toMatch(/^this run would need about \d+\.\d GB; the limit is 1\.5 GB: lower the batch size$/);
    expect(() => checkRunFits(config, TRAINING_LIMITS.batchSize)).toThrow(message);
    expect(() =>
      checkSettingsFit('conv-vae', {
        batchSize: TRAINING_LIMITS.batchSize,
        latentSize: TRAINING_LIMITS.latentSize,
        hiddenSize: TRAINING_LIMITS.hiddenSize,
      }),
    ).toThrow(message);
  });

  it('grows with the batch, the hidden units and (full covariance) the latent size', () => {
    const mlp = (hiddenSize: number, batch: number) =>
      runFootprint(defaultConfig('mlp-vae', { hiddenSize }), batch).bytes;
    expect(mlp(512, 256)).toBeGreaterThan(mlp(512, 128));
    expect(mlp(1024, 128)).toBeGreaterThan(mlp(512, 128));
    const prior = (latentSize: number) =>
      runFootprint(defaultConfig('cvae-prior', { latentSize, numClasses: 10 }), 128).bytes;
    expect(prior(128)).toBeGreaterThan(4 * prior(64));
    expect(() => checkRunFits(defaultConfig('cvae-prior', { latentSize: 256, numClasses: 10 }), 128)).toThrow(
      RUN_MEMORY.advice('cvae-prior'),
    );
  });
});

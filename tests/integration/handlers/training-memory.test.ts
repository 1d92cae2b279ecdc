import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAINING_LIMITS } from '../../../src/shared/contract/training';
import { engineUnderTest, type EngineUnderTest } from '../../helpers/engine-under-test';

describe('training:start refuses a run that would not fit in memory', () => {
  let t: EngineUnderTest;
  beforeAll(async () => {
    t = await engineUnderTest();
  });
  afterAll(async () => {
    // Without the check the run would start: stop it before the engine goes.
    await t.call('training:cancel', {});
    t.close();
  });

  it("at the contract's own maxima (conv VAE, batch 4,096, latent 256), at once, with the size and what to lower", async () => {
    const reply = await t.raw('training:start', {
      source: 'sample:mnist-t10k-images-idx3-ubyte.gz',
      kind: 'conv-vae',
      modelName: 'too-big',
      settings: {
        epochs: 1,
        batchSize: TRAINING_LIMITS.batchSize,
        learningRate: 0.001,
        optimizer: 'adam',
        beta: 1,
        latentSize: TRAINING_LIMITS.latentSize,
        hiddenSize: TRAINING_LIMITS.hiddenSize,
        validationShare: 0.1,
        seed: 1,
        backend: 'cpu',
      },
    });
    expect(reply.ok).toBe(false);
    if (!reply.ok)
      expect(reply.error.message).toMatch(
        /^this run would need about \d+\.\d GB; the limit is 1\.5 GB: lower the batch size$/,
      );
    expect(await t.call('training:status', {})).toBeNull();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildModel, defaultConfig, MODEL_ERRORS } from '../../../src/engine/models/build';
import { lossTerms } from '../../../src/engine/models/forward';
import { MODEL_KINDS, type ModelKind } from '../../../src/engine/models/types';
import type { Tensor2D } from '@tensorflow/tfjs';
import { useBackend } from '../../helpers/tf';

let tf: Awaited<ReturnType<typeof useBackend>>;

beforeAll(async () => {
  tf = await useBackend('cpu');
});

afterAll(() => {
  tf.disposeVariables();
});

function tinyConfig(kind: ModelKind) {
  return defaultConfig(kind, { hiddenSize: 16, numClasses: 3, seed: 7 });
}

describe('model builders', () => {
  it.each(MODEL_KINDS)('%s: shapes and finite positive losses', (kind) => {
    const model = buildModel(tinyConfig(kind));
    const { imageSize, latentSize, numClasses } = model.config;
    const n = 3;
    const px = imageSize * imageSize;
    const before = tf.memory().numTensors;
    const [rec, kl, z, outShape] = tf.tidy(() => {
      const images = tf.randomUniform([n, px], 0, 1, 'float32', 1) as Tensor2D;
      const oneHot = tf.oneHot(tf.tensor1d([0, 1, 2], 'int32'), numClasses).toFloat() as Tensor2D;
      const eps = tf.randomNormal([n, latentSize], 0, 1, 'float32', 2) as Tensor2D;
      const terms = lossTerms(model, { input: images, target: images, oneHot }, eps, false);
      const encOut = model.encoder.predict(model.conditionalInputs ? [images, oneHot] : images);
      const first = Array.isArray(encOut) ? encOut[0] : encOut;
      const dec = model.decoder.predict(model.conditionalInputs ? [first, oneHot] : first);
      const decT = Array.isArray(dec) ? dec[0] : dec;
      return [terms.reconstruction.dataSync()[0], terms.kl.dataSync()[0], first.shape, decT.shape] as const;
    });
    expect(z).toEqual([n, latentSize]);
    expect(outShape).toEqual([n, px]);
    expect(rec).toBeGreaterThan(0);
    expect(Number.isFinite(rec)).toBe(true);
    if (kind === 'conv-ae') expect(kl).toBe(0);
    else expect(kl).toBeGreaterThanOrEqual(0);
    expect(tf.memory().numTensors).toBe(before);
    model.dispose();
  });

  // The same counts as bench/peers/torch_models.py prints for these configs: the twins match.
  it.each([
    ['conv-ae', 35085],
    ['strided-ae', 880577],
    ['mlp-vae', 26004],
    ['conv-vae', 550629],
    ['cvae', 26100],
    ['cvae-prior', 26047],
  ] as const)('%s has %i parameters (as its PyTorch twin)', (kind, count) => {
    const model = buildModel(tinyConfig(kind));
    const total = [model.encoder, model.decoder, model.prior].reduce((sum, p) => sum + (p ? p.countParams() : 0), 0);
    expect(total).toBe(count);
    model.dispose();
  });

  it('conv-ae has a 128-d code on cookbook32', () => {
    const model = buildModel(defaultConfig('conv-ae'));
    expect(model.config.latentSize).toBe(128);
    expect(model.encoder.outputs[0].shape).toEqual([null, 128]);
    model.dispose();
  });

  it('conv-ae on 28×28 bitmaps: a 128-d code, and the decoder crops its 32×32 back to 28×28', () => {
    const model = buildModel(defaultConfig('conv-ae', { imageSize: 28, seed: 3 }));
    expect(model.config.latentSize).toBe(128);
    expect(model.encoder.outputs[0].shape).toEqual([null, 128]);
    expect(model.decoder.outputs[0].shape).toEqual([null, 28 * 28]);
    // The border the crop takes off is what the upsampling added around the image, evenly.
    const crop = model.decoder.getLayer('crop').getConfig().cropping;
    expect(crop).toEqual([
      [2, 2],
      [2, 2],
    ]);
    const loss = tf.tidy(() => {
      const images = tf.randomUniform([2, 784], 0, 1, 'float32', 1) as Tensor2D;
      const eps = tf.zeros([2, 128]) as Tensor2D;
      return lossTerms(model, { input: images, target: images }, eps, false).reconstruction.dataSync()[0];
    });
    expect(Number.isFinite(loss)).toBe(true);
    model.dispose();
  });

  it('same seed gives the same weights', () => {
    const a = buildModel(tinyConfig('mlp-vae'));
    const b = buildModel(tinyConfig('mlp-vae'));
    const wa = a.encoder.getWeights()[0].dataSync();
    const wb = b.encoder.getWeights()[0].dataSync();
    expect(Array.from(wa)).toEqual(Array.from(wb));
    a.dispose();
    b.dispose();
  });

  it('rejects conditional models without classes', () => {
    expect(() => buildModel(defaultConfig('cvae', { numClasses: 1 }))).toThrow(MODEL_ERRORS.needsClasses);
  });
});

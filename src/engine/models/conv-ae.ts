import * as tf from '@tensorflow/tfjs';
import { SeededInit } from './init';
import { type LatentModel, type ModelConfig } from './types';
import { wrap } from './wrap';

type T = tf.SymbolicTensor;

/**
 * Deep Learning Cookbook ch. 13 cat autoencoder on 32×32: four blocks of (Conv 3×3 ‖ Conv 2×2,
 * concatenated, max-pooled), a per-position Dense to 32 channels (2×2×32 = 128-d code), then
 * four (Conv 3×3, upsample) blocks and a sigmoid Conv. The code size follows from the image
 * size ⌈S/16⌉²×32, so latentSize is fixed at 128 for cookbook32 and for 28×28 bitmaps. Sizes that
 * are not a multiple of 16 pool with 'same' padding (28 → 14 → 7 → 4 → 2) and the decoder, which
 * upsamples back to 16·⌈S/16⌉, crops the border it added: Quick, Draw!'s own 28×28 bitmaps then
 * train it as they are, with their 1-px lines, instead of resampled to 32.
 */
export function buildConvAe(config: ModelConfig): LatentModel {
  const init = new SeededInit(config.seed);
  const s = config.imageSize;
  const side = Math.ceil(s / 16);
  const conv = (name: string, filters: number, kernelSize: number, activation: 'relu' | 'sigmoid' = 'relu') =>
    tf.layers.conv2d({
      name,
      filters,
      kernelSize,
      padding: 'same',
      activation,
      kernelInitializer: init.kernel(),
    });

  const x = tf.input({ shape: [s * s], name: 'pixels' });
  let t = tf.layers.reshape({ name: 'to_image', targetShape: [s, s, 1] }).apply(x) as T;
  let channels = 2;
  for (let i = 1; i <= 4; i += 1) {
    channels *= 2;
    const left = conv(`down${i}_3x3`, channels, 3).apply(t) as T;
    const right = conv(`down${i}_2x2`, channels, 2).apply(t) as T;
    const both = tf.layers.concatenate({ name: `down${i}_concat` }).apply([left, right]) as T;
    t = tf.layers.maxPooling2d({ name: `down${i}_pool`, poolSize: 2, padding: 'same' }).apply(both) as T;
  }
  t = tf.layers
    .dense({
      name: 'code_dense',
      units: channels,
      kernelInitializer: init.kernel(),
    })
    .apply(t) as T;
  const code = tf.layers.flatten({ name: 'code' }).apply(t) as T;
  const encoder = tf.model({ inputs: x, outputs: code, name: 'encoder' });

  const z = tf.input({ shape: [side * side * channels], name: 'z' });
  let d = tf.layers.reshape({ name: 'to_maps', targetShape: [side, side, channels] }).apply(z) as T;
  for (let i = 1; i <= 4; i += 1) {
    d = conv(`up${i}_conv`, channels, 3).apply(d) as T;
    d = tf.layers.upSampling2d({ name: `up${i}_upsample`, size: [2, 2] }).apply(d) as T;
    channels /= 2;
  }
  d = conv('to_pixels', 1, 3, 'sigmoid').apply(d) as T;
  const extra = side * 16 - s;
  if (extra > 0) {
    const before = Math.floor(extra / 2);
    const crop: [number, number] = [before, extra - before];
    d = tf.layers.cropping2D({ name: 'crop', cropping: [crop, crop] }).apply(d) as T;
  }
  const out = tf.layers.flatten({ name: 'reconstruction' }).apply(d) as T;
  const decoder = tf.model({ inputs: z, outputs: out, name: 'decoder' });

  return wrap({ ...config, latentSize: side * side * 32 }, encoder, decoder);
}

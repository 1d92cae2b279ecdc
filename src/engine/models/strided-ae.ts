import * as tf from '@tensorflow/tfjs';
import { dense, SeededInit } from './init';
import { type LatentModel, type ModelConfig } from './types';
import { wrap } from './wrap';

type T = tf.SymbolicTensor;

/** Filters of the two strided convolutions, encoder side (the decoder mirrors them). */
export const STRIDED_AE_FILTERS = [32, 64] as const;

/**
 * The plain convolutional autoencoder of the Keras and PyTorch tutorials: two strided 3×3 convs
 * (S → S/2 → S/4), a Dense to the code; the decoder mirrors it with a Dense back to the maps and
 * two strided transposed convs, then a sigmoid 3×3 conv. Unlike the Cookbook's (conv-ae), whose
 * decoder draws the full-size picture from 4 channels, this one keeps 32 channels at full size,
 * which is what it takes to draw 1-px lines (eyes, whiskers) back where they were.
 */
export function buildStridedAe(config: ModelConfig): LatentModel {
  const init = new SeededInit(config.seed);
  const s = config.imageSize;
  const quarter = s / 4;
  const [narrow, wide] = STRIDED_AE_FILTERS;
  const conv = (name: string, filters: number, strides: number, activation: 'relu' | 'sigmoid' = 'relu') =>
    tf.layers.conv2d({
      name,
      filters,
      kernelSize: 3,
      strides,
      padding: 'same',
      activation,
      kernelInitializer: init.kernel(),
    });
  const deconv = (name: string, filters: number) =>
    tf.layers.conv2dTranspose({
      name,
      filters,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: init.kernel(),
    });

  const x = tf.input({ shape: [s * s], name: 'pixels' });
  let t = tf.layers.reshape({ name: 'to_image', targetShape: [s, s, 1] }).apply(x) as T;
  t = conv('down1', narrow, 2).apply(t) as T;
  t = conv('down2', wide, 2).apply(t) as T;
  t = tf.layers.flatten({ name: 'flatten' }).apply(t) as T;
  const code = dense(init, 'code', config.latentSize).apply(t) as T;
  const encoder = tf.model({ inputs: x, outputs: code, name: 'encoder' });

  const z = tf.input({ shape: [config.latentSize], name: 'z' });
  let d = dense(init, 'from_code', quarter * quarter * wide, 'relu').apply(z) as T;
  d = tf.layers.reshape({ name: 'to_maps', targetShape: [quarter, quarter, wide] }).apply(d) as T;
  d = deconv('up1', wide).apply(d) as T;
  d = deconv('up2', narrow).apply(d) as T;
  d = conv('to_pixels', 1, 1, 'sigmoid').apply(d) as T;
  const out = tf.layers.flatten({ name: 'reconstruction' }).apply(d) as T;
  const decoder = tf.model({ inputs: z, outputs: out, name: 'decoder' });

  return wrap(config, encoder, decoder);
}

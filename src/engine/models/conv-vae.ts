import * as tf from '@tensorflow/tfjs';
import { dense, SeededInit } from './init';
import { type LatentModel, type ModelConfig } from './types';
import { wrap } from './wrap';

function conv(init: SeededInit, name: string, filters: number, strides = 1): tf.layers.Layer {
  return tf.layers.conv2d({
    name,
    filters,
    kernelSize: 3,
    strides,
    padding: 'same',
    activation: 'relu',
    kernelInitializer: init.kernel(),
  });
}

/**
 * Deep Learning with Python ch. 8.4: Conv 32 → Conv 64 s2 → Conv 64 → Conv 64, Dense 32,
 * (μ, logσ²); decoder Dense → (S/2)×(S/2)×64 → Conv2DTranspose 32 s2 → Conv 1 sigmoid.
 */
export function buildConvVae(config: ModelConfig): LatentModel {
  const init = new SeededInit(config.seed);
  const s = config.imageSize;
  const half = s / 2;

  const x = tf.input({ shape: [s * s], name: 'pixels' });
  let t = tf.layers.reshape({ name: 'to_image', targetShape: [s, s, 1] }).apply(x) as tf.SymbolicTensor;
  t = conv(init, 'conv1', 32).apply(t) as tf.SymbolicTensor;
  t = conv(init, 'conv2', 64, 2).apply(t) as tf.SymbolicTensor;
  t = conv(init, 'conv3', 64).apply(t) as tf.SymbolicTensor;
  t = conv(init, 'conv4', 64).apply(t) as tf.SymbolicTensor;
  t = tf.layers.flatten({ name: 'flatten' }).apply(t) as tf.SymbolicTensor;
  t = dense(init, 'enc_hidden', 32, 'relu').apply(t) as tf.SymbolicTensor;
  const mu = dense(init, 'z_mean', config.latentSize).apply(t) as tf.SymbolicTensor;
  const logVar = dense(init, 'z_log_var', config.latentSize).apply(t) as tf.SymbolicTensor;
  const encoder = tf.model({
    inputs: x,
    outputs: [mu, logVar],
    name: 'encoder',
  });

  const z = tf.input({ shape: [config.latentSize], name: 'z' });
  let d = dense(init, 'dec_hidden', half * half * 64, 'relu').apply(z) as tf.SymbolicTensor;
  d = tf.layers.reshape({ name: 'to_maps', targetShape: [half, half, 64] }).apply(d) as tf.SymbolicTensor;
  d = tf.layers
    .conv2dTranspose({
      name: 'deconv',
      filters: 32,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: init.kernel(),
    })
    .apply(d) as tf.SymbolicTensor;
  d = tf.layers
    .conv2d({
      name: 'to_pixels',
      filters: 1,
      kernelSize: 3,
      padding: 'same',
      activation: 'sigmoid',
      kernelInitializer: init.kernel(),
    })
    .apply(d) as tf.SymbolicTensor;
  const out = tf.layers.flatten({ name: 'reconstruction' }).apply(d) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: z, outputs: out, name: 'decoder' });

  return wrap(config, encoder, decoder);
}

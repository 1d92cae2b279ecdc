import * as tf from '@tensorflow/tfjs';
import { dense, SeededInit } from './init';
import { type LatentModel, type ModelConfig } from './types';
import { wrap } from './wrap';

/** Cookbook ch. 13 / Keras VAE note: pixels → Dense(hidden, relu) → (μ, logσ²); z → Dense(hidden, relu) → pixels. */
export function buildMlpVae(config: ModelConfig): LatentModel {
  const init = new SeededInit(config.seed);
  const pixels = config.imageSize * config.imageSize;

  const x = tf.input({ shape: [pixels], name: 'pixels' });
  const h = dense(init, 'enc_hidden', config.hiddenSize, 'relu').apply(x) as tf.SymbolicTensor;
  const mu = dense(init, 'z_mean', config.latentSize).apply(h) as tf.SymbolicTensor;
  const logVar = dense(init, 'z_log_var', config.latentSize).apply(h) as tf.SymbolicTensor;
  const encoder = tf.model({
    inputs: x,
    outputs: [mu, logVar],
    name: 'encoder',
  });

  const z = tf.input({ shape: [config.latentSize], name: 'z' });
  const dh = dense(init, 'dec_hidden', config.hiddenSize, 'relu').apply(z) as tf.SymbolicTensor;
  const out = dense(init, 'reconstruction', pixels, 'sigmoid').apply(dh) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: z, outputs: out, name: 'decoder' });

  return wrap(config, encoder, decoder);
}

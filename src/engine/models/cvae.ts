import * as tf from '@tensorflow/tfjs';
import { dense, SeededInit } from './init';
import { type LatentModel, type ModelConfig } from './types';
import { wrap } from './wrap';

/** Cookbook ch. 13 conditional VAE: the one-hot label is concatenated to the pixels and to z. */
export function buildCvae(config: ModelConfig): LatentModel {
  const init = new SeededInit(config.seed);
  const pixels = config.imageSize * config.imageSize;

  const x = tf.input({ shape: [pixels], name: 'pixels' });
  const label = tf.input({ shape: [config.numClasses], name: 'label' });
  const xl = tf.layers.concatenate({ name: 'inputs' }).apply([x, label]) as tf.SymbolicTensor;
  const h = dense(init, 'enc_hidden', config.hiddenSize, 'relu').apply(xl) as tf.SymbolicTensor;
  const mu = dense(init, 'z_mean', config.latentSize).apply(h) as tf.SymbolicTensor;
  const logVar = dense(init, 'z_log_var', config.latentSize).apply(h) as tf.SymbolicTensor;
  const encoder = tf.model({
    inputs: [x, label],
    outputs: [mu, logVar],
    name: 'encoder',
  });

  const z = tf.input({ shape: [config.latentSize], name: 'z' });
  const zLabel = tf.input({ shape: [config.numClasses], name: 'z_label' });
  const zc = tf.layers.concatenate({ name: 'zc' }).apply([z, zLabel]) as tf.SymbolicTensor;
  const dh = dense(init, 'dec_hidden', config.hiddenSize, 'relu').apply(zc) as tf.SymbolicTensor;
  const out = dense(init, 'reconstruction', pixels, 'sigmoid').apply(dh) as tf.SymbolicTensor;
  const decoder = tf.model({
    inputs: [z, zLabel],
    outputs: out,
    name: 'decoder',
  });

  return wrap(config, encoder, decoder);
}

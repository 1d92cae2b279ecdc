import * as tf from '@tensorflow/tfjs';
import { dense, SeededInit } from './init';
import { type LatentModel, type ModelConfig, trilSize } from './types';
import { wrap } from './wrap';

/**
 * TensorFlow Probability note: a VAE whose prior mean is learned per class (one-hot → Dense(2k)
 * → Dense(k)) and whose posterior has a full covariance LLᵀ. The note's conv stack is replaced
 * by the MLP of the other VAEs so it trains on every backend; the distributions are the same.
 */
export function buildCvaePrior(config: ModelConfig): LatentModel {
  const init = new SeededInit(config.seed);
  const pixels = config.imageSize * config.imageSize;
  const k = config.latentSize;

  const x = tf.input({ shape: [pixels], name: 'pixels' });
  const h = dense(init, 'enc_hidden', config.hiddenSize, 'relu').apply(x) as tf.SymbolicTensor;
  const mu = dense(init, 'z_mean', k).apply(h) as tf.SymbolicTensor;
  const scale = dense(init, 'z_scale_tril', trilSize(k)).apply(h) as tf.SymbolicTensor;
  const encoder = tf.model({
    inputs: x,
    outputs: [mu, scale],
    name: 'encoder',
  });

  const z = tf.input({ shape: [k], name: 'z' });
  const dh = dense(init, 'dec_hidden', config.hiddenSize, 'relu').apply(z) as tf.SymbolicTensor;
  const out = dense(init, 'reconstruction', pixels, 'sigmoid').apply(dh) as tf.SymbolicTensor;
  const decoder = tf.model({ inputs: z, outputs: out, name: 'decoder' });

  const y = tf.input({ shape: [config.numClasses], name: 'label' });
  const ph = dense(init, 'prior_hidden', 2 * k).apply(y) as tf.SymbolicTensor;
  const pm = dense(init, 'prior_mean', k).apply(ph) as tf.SymbolicTensor;
  const prior = tf.model({ inputs: y, outputs: pm, name: 'prior' });

  return wrap(config, encoder, decoder, prior);
}

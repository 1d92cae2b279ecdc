import * as tf from '@tensorflow/tfjs';
import type { OptimizerName } from './settings';

/** Keras defaults for each (rmsprop rho 0.9), which the PyTorch peer mirrors. */
export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      return tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, 0.9, 0, 1e-7);
    case 'sgd':
      return tf.train.sgd(learningRate);
  }
}

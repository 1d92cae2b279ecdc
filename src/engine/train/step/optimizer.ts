import * as tf from '@tensorflow/tfjs';
import { FUSED_ADAM } from '../../backend/kernels/adam';
import { FusedAdamOptimizer } from './fused-adam';
import type { OptimizerName } from '../settings';

/** Keras defaults for each (rmsprop rho 0.9), which the PyTorch peer mirrors. */
export function makeOptimizer(name: OptimizerName, learningRate: number): tf.Optimizer {
  switch (name) {
    case 'adam':
      // One fused kernel per step where the backend has it (wasm, cpu); tfjs's Adam elsewhere.
      return tf.getKernel(FUSED_ADAM, tf.getBackend())
        ? new FusedAdamOptimizer(learningRate, 0.9, 0.999, 1e-7)
        : tf.train.adam(learningRate, 0.9, 0.999, 1e-7);
    case 'rmsprop':
      return tf.train.rmsprop(learningRate, 0.9, 0, 1e-7);
    case 'sgd':
      return tf.train.sgd(learningRate);
  }
}

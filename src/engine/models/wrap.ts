import type * as tf from '@tensorflow/tfjs';
import { type LatentModel, type ModelConfig, posteriorOf } from './types';

export function wrap(
  config: ModelConfig,
  encoder: tf.LayersModel,
  decoder: tf.LayersModel,
  prior?: tf.LayersModel,
): LatentModel {
  let disposed = false;
  return {
    config,
    posterior: posteriorOf(config.kind),
    conditionalInputs: config.kind === 'cvae',
    encoder,
    decoder,
    prior,
    dispose() {
      if (disposed) return;
      disposed = true;
      encoder.dispose();
      decoder.dispose();
      prior?.dispose();
    },
  };
}

import type * as tf from '@tensorflow/tfjs';
import { KIND_SPECS } from '../../shared/model-kinds';
import type { LatentModel, ModelConfig } from './types';

export function wrap(
  config: ModelConfig,
  encoder: tf.LayersModel,
  decoder: tf.LayersModel,
  prior?: tf.LayersModel,
): LatentModel {
  let disposed = false;
  const spec = KIND_SPECS[config.kind];
  return {
    config,
    posterior: spec.posterior,
    conditionalInputs: spec.conditioning === 'inputs',
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

import type { ModelKind } from '../../shared/model-kinds';
import { buildConvAe } from './conv-ae';
import { buildStridedAe } from './strided-ae';
import { buildConvVae } from './conv-vae';
import { buildCvae } from './cvae';
import { buildCvaePrior } from './cvae-prior';
import { buildMlpVae } from './mlp-vae';
import type { LatentModel, ModelConfig } from './types';

/**
 * The builder of each kind, a pure function of its config. The record's type makes a kind
 * without a builder a type error; what a kind implies besides its layers is its spec
 * (src/shared/model-kinds.ts).
 */
export const MODEL_BUILDERS: { readonly [K in ModelKind]: (config: ModelConfig) => LatentModel } = {
  'conv-ae': buildConvAe,
  'strided-ae': buildStridedAe,
  'mlp-vae': buildMlpVae,
  'conv-vae': buildConvVae,
  cvae: buildCvae,
  'cvae-prior': buildCvaePrior,
};

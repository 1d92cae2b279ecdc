import type { RasterRecipe } from '../data/training-data.types';
import { RECIPE_SIZE } from '../data/training-data.types';
import { buildConvAe } from './conv-ae';
import { buildConvVae } from './conv-vae';
import { buildCvae } from './cvae';
import { buildCvaePrior } from './cvae-prior';
import { buildMlpVae } from './mlp-vae';
import { isConditional, type LatentModel, type ModelConfig, type ModelKind, MODEL_KINDS } from './types';

export const MODEL_ERRORS = {
  unknownKind: 'unknown model kind; expected one of conv-ae, mlp-vae, conv-vae, cvae, cvae-prior',
  badImageSize: 'conv models need an image size divisible by 16 (conv-ae) or 2 (conv-vae)',
  needsClasses: 'conditional models need at least 2 classes',
} as const;

/** Defaults per kind: what the books used, on the recipe each one was written for. */
export function defaultConfig(kind: ModelKind, overrides: Partial<ModelConfig> = {}): ModelConfig {
  const recipe: RasterRecipe = overrides.recipe ?? (kind === 'conv-ae' ? 'cookbook32' : 'quickdraw28');
  return {
    kind,
    recipe,
    imageSize: RECIPE_SIZE[recipe],
    latentSize: kind === 'conv-ae' ? 128 : 2,
    hiddenSize: 512,
    numClasses: isConditional(kind) ? 10 : 1,
    seed: 1,
    // an override left undefined keeps the default
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}

/** Builds a fresh, seeded model for a config. Pure: no files, no global state besides tfjs. */
export function buildModel(config: ModelConfig): LatentModel {
  if (!MODEL_KINDS.includes(config.kind)) throw new Error(MODEL_ERRORS.unknownKind);
  if (isConditional(config.kind) && config.numClasses < 2) throw new Error(MODEL_ERRORS.needsClasses);
  switch (config.kind) {
    case 'conv-ae':
      if (config.imageSize % 16 !== 0) throw new Error(MODEL_ERRORS.badImageSize);
      return buildConvAe(config);
    case 'mlp-vae':
      return buildMlpVae(config);
    case 'conv-vae':
      if (config.imageSize % 2 !== 0) throw new Error(MODEL_ERRORS.badImageSize);
      return buildConvVae(config);
    case 'cvae':
      return buildCvae(config);
    case 'cvae-prior':
      return buildCvaePrior(config);
  }
}

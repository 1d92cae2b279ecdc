import { isModelKind, KIND_SPECS, MODEL_KINDS, type ModelKind } from '../../shared/model-kinds';
import { TRAINING_DEFAULTS } from '../../shared/contract/training-settings';
import type { RasterRecipe } from '../data/training-data.types';
import { RECIPE_SIZE } from '../data/training-data.types';
import { MODEL_BUILDERS } from './builders';
import { isConditional, type LatentModel, type ModelConfig } from './types';

export const MODEL_ERRORS = {
  unknownKind: `unknown model kind; expected one of ${MODEL_KINDS.join(', ')}`,
  badImageSize: (kind: ModelKind, multiple: number) => `${kind} needs an image size divisible by ${multiple}`,
  needsClasses: 'conditional models need at least 2 classes',
} as const;

/** Classes a conditional kind is built for when none are given (the digits). */
const DEFAULT_CLASSES = 10;

/** Defaults per kind: what the books used, on the recipe each one was written for. */
export function defaultConfig(kind: ModelKind, overrides: Partial<ModelConfig> = {}): ModelConfig {
  const spec = KIND_SPECS[kind];
  const recipe: RasterRecipe = overrides.recipe ?? spec.defaultRecipe ?? 'quickdraw28';
  return {
    kind,
    recipe,
    imageSize: RECIPE_SIZE[recipe],
    latentSize: spec.defaultLatentSize,
    hiddenSize: TRAINING_DEFAULTS.hiddenSize,
    numClasses: isConditional(kind) ? DEFAULT_CLASSES : 1,
    seed: TRAINING_DEFAULTS.seed,
    // an override left undefined keeps the default
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
  };
}

/** Builds a fresh, seeded model for a config. Pure: no files, no global state besides tfjs. */
export function buildModel(config: ModelConfig): LatentModel {
  if (!isModelKind(config.kind)) throw new Error(MODEL_ERRORS.unknownKind);
  const spec = KIND_SPECS[config.kind];
  if (isConditional(config.kind) && config.numClasses < 2) throw new Error(MODEL_ERRORS.needsClasses);
  if (config.imageSize % spec.imageSizeMultiple !== 0) {
    throw new Error(MODEL_ERRORS.badImageSize(config.kind, spec.imageSizeMultiple));
  }
  return MODEL_BUILDERS[config.kind](config);
}

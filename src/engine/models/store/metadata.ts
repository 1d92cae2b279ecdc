import { RASTER_RECIPES, type RasterRecipe } from '../../data/training-data.types';
import type { TrainSettings } from '../../train/settings';
import { isModelKind, KIND_SPECS } from '../../../shared/model-kinds';
import { isConditional, type ModelConfig } from '../types';

export const MODEL_FORMAT = 'latentdraw-model';
export const MODEL_FORMAT_VERSION = 1;
export const METADATA_FILE = 'latentdraw.json';
/** latentdraw.json is a few KB; anything past this is not one. */
export const METADATA_MAX_BYTES = 1 << 20;
/** The part folders a model save may write beside latentdraw.json, each a tfjs layers model. */
export { MODEL_PARTS } from '../../../shared/model-kinds';

export interface ModelMetrics {
  epochs: number;
  trainLoss: number;
  validationLoss: number;
  validationReconstruction: number;
  validationKl: number;
}

/** `latentdraw.json`: what the studio needs to use a model without guessing; its config first. */
export interface ModelMetadata extends ModelConfig {
  format: typeof MODEL_FORMAT;
  formatVersion: number;
  /** Shown in the model picker; the folder name when absent. */
  name?: string;
  classNames: string[];
  /** Parts saved beside this file, each a tfjs layers-model folder. */
  parts: string[];
  dataset?: {
    /** Where the data is: a dataset id, a file path, or `resources:…` for shipped data. */
    source: string;
    /** The data's name as people know it (a dataset's name rather than its id). */
    name?: string;
    count: number;
    trainCount: number;
    validationCount: number;
  };
  training?: TrainSettings;
  metrics?: ModelMetrics;
  savedAt: string;
}

export function metadataFor(
  config: ModelConfig,
  classNames: string[],
  extra: Pick<ModelMetadata, 'dataset' | 'training' | 'metrics'> = {},
): ModelMetadata {
  return {
    format: MODEL_FORMAT,
    formatVersion: MODEL_FORMAT_VERSION,
    kind: config.kind,
    recipe: config.recipe,
    imageSize: config.imageSize,
    latentSize: config.latentSize,
    hiddenSize: config.hiddenSize,
    numClasses: config.numClasses,
    classNames,
    seed: config.seed,
    parts: [...KIND_SPECS[config.kind].parts],
    ...extra,
    savedAt: new Date().toISOString(),
  };
}

export function configOf(meta: ModelMetadata): ModelConfig {
  return {
    kind: meta.kind,
    recipe: meta.recipe,
    imageSize: meta.imageSize,
    latentSize: meta.latentSize,
    hiddenSize: meta.hiddenSize,
    numClasses: meta.numClasses,
    seed: meta.seed,
  };
}

/** Beyond these a model is not one the studio can use (the contract bounds labels and codes alike). */
export const METADATA_LIMITS = { imageSize: 256, latentSize: 4_096, hiddenSize: 1 << 16, numClasses: 10_000 } as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isPosInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v > 0;

/** Returns the reason the object is not our metadata, or undefined when it is. */
export function metadataProblem(value: unknown): string | undefined {
  if (!isObject(value) || value.format !== MODEL_FORMAT) return 'not a LatentDraw model';
  if (typeof value.formatVersion !== 'number' || value.formatVersion > MODEL_FORMAT_VERSION) return 'format version';
  if (!isModelKind(value.kind)) return 'kind';
  if (!RASTER_RECIPES.includes(value.recipe as RasterRecipe)) return 'recipe';
  for (const key of ['imageSize', 'latentSize', 'hiddenSize', 'numClasses'] as const) {
    if (!isPosInt(value[key]) || value[key] > METADATA_LIMITS[key]) return key;
  }
  if (isConditional(value.kind) && (value.numClasses as number) < 2) return 'numClasses';
  if (
    !Array.isArray(value.classNames) ||
    value.classNames.length > METADATA_LIMITS.numClasses ||
    !value.classNames.every((c) => typeof c === 'string')
  )
    return 'classNames';
  if (!Array.isArray(value.parts) || !value.parts.every((p) => typeof p === 'string')) return 'parts';
  return undefined;
}

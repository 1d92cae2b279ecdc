import type { TrainingData } from '../../data/training-data.types';
import { metadataFor, type ModelMetadata } from '../../models/store/metadata';
import type { ModelConfig } from '../../models/types';
import { splitIndexes } from '../run/evaluate';
import type { EpochSummary } from '../progress';
import type { TrainSettings } from '../settings';

/** How many items a run trains and validates on. */
export interface SplitCounts {
  trainCount: number;
  validationCount: number;
}

/** The split is fixed by the data, the validation share and the seed: a run counts it once. */
export function splitCounts(data: TrainingData, settings: TrainSettings): SplitCounts {
  const { trainIndex, validationIndex } = splitIndexes(data, settings);
  return { trainCount: trainIndex.length, validationCount: validationIndex.length };
}

/** latentdraw.json of a run's model after these epochs: its data, settings and last metrics. */
export function runMetadata(
  config: ModelConfig,
  data: TrainingData,
  split: SplitCounts,
  settings: TrainSettings,
  history: EpochSummary[],
): ModelMetadata {
  const last = history[history.length - 1];
  return metadataFor(config, data.classNames, {
    dataset: {
      source: data.source,
      count: data.count,
      trainCount: split.trainCount,
      validationCount: split.validationCount,
    },
    training: settings,
    metrics: last
      ? {
          epochs: last.epoch,
          trainLoss: last.trainLoss,
          validationLoss: last.validationLoss,
          validationReconstruction: last.validationReconstruction,
          validationKl: last.validationKl,
        }
      : undefined,
  });
}

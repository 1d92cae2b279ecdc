import type { TrainingData } from '../data/training-data.types';
import { metadataFor, type ModelMetadata } from '../models/store/metadata';
import type { ModelConfig } from '../models/types';
import { splitIndexes } from './evaluate';
import type { EpochSummary } from './progress';
import type { TrainSettings } from './settings';

/** latentdraw.json of a run's model after these epochs: its data, settings and last metrics. */
export function runMetadata(
  config: ModelConfig,
  data: TrainingData,
  settings: TrainSettings,
  history: EpochSummary[],
): ModelMetadata {
  const { trainIndex, validationIndex } = splitIndexes(data, settings);
  const last = history[history.length - 1];
  return metadataFor(config, data.classNames, {
    dataset: {
      source: data.source,
      count: data.count,
      trainCount: trainIndex.length,
      validationCount: validationIndex.length,
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

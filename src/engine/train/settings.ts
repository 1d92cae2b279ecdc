import type { TrainerBackendName } from '../../shared/types/backend';

export type OptimizerName = 'adam' | 'rmsprop' | 'sgd';

export interface TrainSettings {
  epochs: number;
  batchSize: number;
  learningRate: number;
  optimizer: OptimizerName;
  /** Weight of the KL term (1 = the plain ELBO; the Keras book used a tiny one). */
  beta: number;
  /** Share of the data held out when the data has no split of its own. */
  validationShare: number;
  seed: number;
  latentSize: number;
  hiddenSize: number;
  /** conv-ae only: train on noisy inputs against clean targets. */
  denoising: boolean;
  /**
   * Threads computing each batch's gradients: 2 splits every batch between this thread and a
   * worker (data-parallel, gradients averaged). 1 keeps runs bit-for-bit reproducible.
   */
  workers: number;
  /** The backend the run trained on (recorded in the saved model's metadata). */
  backend?: TrainerBackendName;
}

export const DEFAULT_SETTINGS: TrainSettings = {
  epochs: 10,
  batchSize: 128,
  learningRate: 1e-3,
  optimizer: 'adam',
  beta: 1,
  validationShare: 0.1,
  seed: 1,
  latentSize: 2,
  hiddenSize: 512,
  denoising: false,
  workers: 1,
};

export const SETTINGS_ERRORS = {
  badEpochs: 'epochs must be a positive integer',
  badBatch: 'batch size must be a positive integer',
  badRate: 'learning rate must be a positive number',
  badBeta: 'beta must be a non-negative number',
  badLatent: 'latent size must be a positive integer',
  badHidden: 'hidden size must be a positive integer',
  badOptimizer: 'optimizer must be adam, rmsprop or sgd',
  badWorkers: 'workers must be 1 or 2',
} as const;

const positiveInt = (v: number) => Number.isInteger(v) && v > 0;

export function resolveSettings(partial: Partial<TrainSettings> = {}): TrainSettings {
  const s = { ...DEFAULT_SETTINGS, ...partial };
  if (!positiveInt(s.epochs)) throw new Error(SETTINGS_ERRORS.badEpochs);
  if (!positiveInt(s.batchSize)) throw new Error(SETTINGS_ERRORS.badBatch);
  if (!(s.learningRate > 0) || !Number.isFinite(s.learningRate)) throw new Error(SETTINGS_ERRORS.badRate);
  if (!(s.beta >= 0) || !Number.isFinite(s.beta)) throw new Error(SETTINGS_ERRORS.badBeta);
  if (!positiveInt(s.latentSize)) throw new Error(SETTINGS_ERRORS.badLatent);
  if (!positiveInt(s.hiddenSize)) throw new Error(SETTINGS_ERRORS.badHidden);
  if (!['adam', 'rmsprop', 'sgd'].includes(s.optimizer)) throw new Error(SETTINGS_ERRORS.badOptimizer);
  if (s.workers !== 1 && s.workers !== 2) throw new Error(SETTINGS_ERRORS.badWorkers);
  return s;
}

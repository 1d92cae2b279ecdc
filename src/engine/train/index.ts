export { TRAIN_ERRORS } from './errors';
export type { BatchProgress, EpochProgress, EpochSummary, ReconstructionSample, TrainProgress } from './progress';
export { DEFAULT_SETTINGS, resolveSettings, SETTINGS_ERRORS, type OptimizerName, type TrainSettings } from './settings';
export { train, type TrainHooks, type TrainResult } from './train';
export { readCheckpoint, writeCheckpoint } from './checkpoint';

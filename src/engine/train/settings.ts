import type { TrainingSettings } from '../../shared/contract/training-settings';

// The settings, their defaults and limits are the contract's table; a run resolves them with
// resolveSettings (resolve-settings.ts, engine side: it asks the machine for its cores).
export type { OptimizerName } from '../../shared/contract/training-settings';
export type TrainSettings = TrainingSettings;

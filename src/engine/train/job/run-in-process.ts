import { activeBackend } from '../../backend/select';
import type { TrainingData } from '../../data/training-data.types';
import type { ModelMetadata } from '../../models/store/metadata';
import type { LatentModel, ModelKind } from '../../models/types';
import { readResumePoint, writeCheckpoint } from './checkpoint';
import { removeDeadCheckpointTemps } from './checkpoint-leftovers';
import { GradientHelper } from '../parallel/helper';
import type { BatchProgress, EpochProgress, EpochSummary } from '../progress';
import { runConfig, runTraining } from '../run/run-training';
import { runIdentity } from './run-identity';
import { runMetadata, splitCounts } from './run-metadata';
import { resolveSettings } from '../resolve-settings';
import type { TrainSettings } from '../settings';
import { readOptimizer } from '../trainer/snapshot';
import { DENOISING_STD } from '../step/loss';

export { SAMPLE_COUNT } from '../run/loop';
export { DENOISING_STD };

export interface TrainHooks {
  onBatch?: (progress: BatchProgress) => void;
  onEpoch?: (progress: EpochProgress) => void;
  /** Aborting stops training before the next batch; the result says 'cancelled'. */
  signal?: AbortSignal;
  /** A checkpoint is written here atomically after every epoch. */
  checkpointDir?: string;
  /** A checkpoint folder (or one epoch folder in it) of this same run (model, data, settings) to continue from. */
  resumeFrom?: string;
}

export interface TrainResult {
  status: 'completed' | 'cancelled';
  /** The trained model; the caller owns it and must dispose() it. */
  model: LatentModel;
  metadata: ModelMetadata;
  history: EpochSummary[];
}

/**
 * Trains on this thread (the CLI, scripts, tests): the same run a trainer thread or window
 * does for the studio, with checkpoints written here after every epoch.
 */
export async function train(
  data: TrainingData,
  kind: ModelKind,
  partial: Partial<TrainSettings> = {},
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  // The run records what it really trained on: this thread's backend.
  const settings = resolveSettings({ ...partial, backend: activeBackend() }, kind);
  if (hooks.checkpointDir) await removeDeadCheckpointTemps(hooks.checkpointDir);
  const config = runConfig(data, kind, settings);
  const identity = runIdentity(config, data, settings);
  const resume = hooks.resumeFrom ? await readResumePoint(hooks.resumeFrom, identity) : undefined;
  const split = splitCounts(data, settings);
  const outcome = await runTraining(
    data,
    kind,
    settings,
    resume?.point,
    {
      backend: activeBackend(),
      startHelper: (config, backend) => GradientHelper.start(config, backend).catch(() => undefined),
    },
    {
      signal: hooks.signal,
      onBatch: hooks.onBatch,
      onEpoch: async (progress, live) => {
        if (hooks.checkpointDir) {
          const { epochsDone, step, history } = live.state;
          await writeCheckpoint(
            hooks.checkpointDir,
            live.model,
            runMetadata(config, data, split, settings, history),
            await readOptimizer(live.optimizer),
            { epochsDone, step, settings, history, identity },
          );
        }
        hooks.onEpoch?.(progress);
      },
    },
  );
  const { history } = outcome.state;
  return {
    status: outcome.status,
    model: outcome.model,
    metadata: runMetadata(config, data, split, settings, history),
    history,
  };
}

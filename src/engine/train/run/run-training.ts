import * as tf from '@tensorflow/tfjs';
import type { BackendName } from '../../../shared/types/backend';
import type { TrainingData } from '../../data/training-data.types';
import { buildModel, defaultConfig } from '../../models/build';
import { KIND_SPECS, settingApplies } from '../../../shared/model-kinds';
import { isConditional, type LatentModel, type ModelConfig, type ModelKind } from '../../models/types';
import { TRAIN_ERRORS } from '../errors';
import { checkRunFits } from '../memory-estimate';
import { splitIndexes } from './evaluate';
import { trainLoop, type LoopHooks, type RunState } from './loop';
import { makeOptimizer } from '../step/optimizer';
import type { EpochProgress } from '../progress';
import type { TrainSettings } from '../settings';
import { writeOptimizer, writeWeights, type NamedArray, type WeightArrays } from '../trainer/snapshot';
import { parallelStepper, singleStepper, type RemoteGradients, type StepContext } from '../step/stepper';
import { trainableVariables } from '../step/loss';

/** Where a resumed run continues from: weights, optimizer slots and the run's state. */
export interface ResumePoint {
  weights: WeightArrays;
  optimizer: NamedArray[];
  state: RunState;
}

/** What the thread or window running the loop can offer it. */
export interface RunEnv {
  /** The backend this thread computes with. */
  backend: BackendName;
  /** Starts a second thread for data-parallel steps (Node only); undefined when it cannot. */
  startHelper?: (config: ModelConfig, backend: BackendName) => Promise<RemoteGradients | undefined>;
}

/** The live model and optimizer after an epoch: read them, never keep them. */
export interface LiveRun {
  model: LatentModel;
  optimizer: tf.Optimizer;
  state: RunState;
}

export interface RunHooks extends Omit<LoopHooks, 'onEpoch'> {
  onEpoch?: (progress: EpochProgress, live: LiveRun) => Promise<void> | void;
}

export interface RunOutcome {
  status: 'completed' | 'cancelled';
  /** The trained model; the caller owns it and must dispose() it. */
  model: LatentModel;
  state: RunState;
}

export function checkData(data: TrainingData, kind: ModelKind): void {
  if (data.count === 0 || data.trainIndex.length === 0) throw new Error(TRAIN_ERRORS.noData);
  if (isConditional(kind) && data.classNames.length < 2) throw new Error(TRAIN_ERRORS.needsLabels);
  const multiple = KIND_SPECS[kind].imageSizeMultiple;
  if (data.imageSize % multiple !== 0) throw new Error(TRAIN_ERRORS.imageSize(kind, multiple));
}

export function numClassesOf(data: TrainingData, kind: ModelKind): number {
  return isConditional(kind) ? data.classNames.length : 0;
}

/**
 * The model config a run on this data builds: a pure function of data, kind and settings. Every
 * run (the CLI's, the studio's, the trainer's) gets its config here, so a run that would not fit
 * in the memory budget is refused here, before anything is built.
 */
export function runConfig(data: TrainingData, kind: ModelKind, settings: TrainSettings): ModelConfig {
  const config = defaultConfig(kind, {
    recipe: data.recipe,
    imageSize: data.imageSize,
    // A kind whose code size follows from its layers keeps its own.
    latentSize: settingApplies(kind, 'latentSize') ? settings.latentSize : undefined,
    hiddenSize: settings.hiddenSize,
    numClasses: isConditional(kind) ? data.classNames.length : 1,
    seed: settings.seed,
  });
  checkRunFits(config, settings.batchSize, settings.workers);
  return config;
}

/**
 * One training run on this thread's tfjs: builds the model (or restores a resume point), picks
 * the stepper (one thread, or two where a helper starts), and runs the loop.
 */
export async function runTraining(
  data: TrainingData,
  kind: ModelKind,
  settings: TrainSettings,
  resume: ResumePoint | undefined,
  env: RunEnv,
  hooks: RunHooks = {},
): Promise<RunOutcome> {
  checkData(data, kind);
  const { trainIndex, validationIndex } = splitIndexes(data, settings);
  const numClasses = numClassesOf(data, kind);
  const model = buildModel(runConfig(data, kind, settings));
  const optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
  const state: RunState = resume ? { ...resume.state } : { epochsDone: 0, step: 0, history: [] };
  let stepper;
  try {
    if (resume) {
      writeWeights(model, resume.weights);
      await writeOptimizer(optimizer, resume.optimizer);
    }
    const ctx: StepContext = {
      model,
      variables: trainableVariables(model),
      optimizer,
      data,
      numClasses,
      beta: settings.beta,
    };
    // A second CPU thread pays on the CPU backends; a GPU run has the whole device already.
    const helper =
      settings.workers > 1 && env.backend !== 'webgpu' ? await env.startHelper?.(model.config, env.backend) : undefined;
    stepper = helper ? parallelStepper(ctx, helper) : singleStepper(ctx);
    const status = await trainLoop(
      { model, optimizer, data, kind, settings, trainIndex, validationIndex, numClasses, state, stepper },
      {
        signal: hooks.signal,
        onBatch: hooks.onBatch,
        onEpoch: (progress) => hooks.onEpoch?.(progress, { model, optimizer, state }),
      },
    );
    optimizer.dispose();
    return { status, model, state };
  } catch (error) {
    optimizer.dispose();
    model.dispose();
    throw error;
  } finally {
    await stepper?.dispose();
  }
}

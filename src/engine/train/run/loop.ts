import type * as tf from '@tensorflow/tfjs';
import { settingApplies } from '../../../shared/model-kinds';
import type { TrainingData } from '../../data/training-data.types';
import type { LatentModel, ModelKind } from '../../models/types';
import { TRAIN_ERRORS } from '../errors';
import { evaluate, reconstructSample, validationCodes } from './evaluate';
import { EpochMeans, RunClock } from './metrics';
import type { BatchProgress, EpochProgress, EpochSummary } from '../progress';
import { derivedSeed, shuffled } from './rng';
import type { TrainSettings } from '../settings';
import type { Stepper } from '../step/stepper';

/** Where a run stands: what a checkpoint keeps besides the weights. */
export interface RunState {
  epochsDone: number;
  step: number;
  history: EpochSummary[];
}

export interface LoopInput {
  model: LatentModel;
  optimizer: tf.Optimizer;
  data: TrainingData;
  kind: ModelKind;
  settings: TrainSettings;
  trainIndex: Int32Array;
  validationIndex: Int32Array;
  numClasses: number;
  state: RunState;
  stepper: Stepper;
}

export interface LoopHooks {
  onBatch?: (progress: BatchProgress) => void;
  /** Awaited before the next epoch starts: the caller writes its checkpoint here. */
  onEpoch?: (progress: EpochProgress, state: RunState) => Promise<void> | void;
  /** Aborting stops training before the next batch. */
  signal?: AbortSignal;
}

/** Seeds of the noise streams, kept apart so changing one never shifts another. */
const NOISE_EPS = 1;
const NOISE_INPUT = 2;
const SHUFFLE = 3;
/** A batch loss this many times the best epoch loss so far counts as divergence. */
const EXPLODE_FACTOR = 100;
/** Drawings whose reconstructions are sent after every epoch. */
export const SAMPLE_COUNT = 8;
/** Validation drawings whose codes are sent after every epoch, for the live latent map. */
export const MAP_COUNT = 400;

/**
 * One macrotask between batches, so the thread's host reads cancel and other messages. Node's
 * setImmediate where there is one; a trainer window (the loop runs there too) has none.
 */
const yieldToLoop = (): Promise<void> =>
  new Promise((resolve) => {
    const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
    if (immediate) immediate(resolve);
    else setTimeout(resolve, 0);
  });

/**
 * The training loop: epochs of seeded shuffled batches, each one `stepper.step`, then a
 * validation pass, sample reconstructions and codes. Pure tfjs: it runs the same in-process,
 * on a trainer thread and in a trainer window.
 */
export async function trainLoop(input: LoopInput, hooks: LoopHooks = {}): Promise<'completed' | 'cancelled'> {
  const { model, data, settings, trainIndex, validationIndex, numClasses, stepper, state } = input;
  const denoise = settingApplies(input.kind, 'denoising') && settings.denoising;
  const sampleIndexes = Array.from(validationIndex.subarray(0, SAMPLE_COUNT));
  const mapIndexes = validationIndex.subarray(0, MAP_COUNT);
  const batches = Math.ceil(trainIndex.length / settings.batchSize);
  const startEpochs = state.epochsDone;
  const clock = new RunClock((settings.epochs - startEpochs) * trainIndex.length);
  let best = Math.min(...state.history.map((h) => h.trainLoss), Infinity);

  for (let epoch = state.epochsDone + 1; epoch <= settings.epochs; epoch += 1) {
    const order = shuffled(trainIndex, derivedSeed(settings.seed, SHUFFLE, epoch));
    const epochStart = performance.now();
    const means = new EpochMeans();
    for (let b = 0; b < batches; b += 1) {
      if (hooks.signal?.aborted) return 'cancelled';
      const idx = order.subarray(b * settings.batchSize, (b + 1) * settings.batchSize);
      state.step += 1;
      const epsSeed = derivedSeed(settings.seed, NOISE_EPS, state.step);
      const noiseSeed = denoise ? derivedSeed(settings.seed, NOISE_INPUT, state.step) : undefined;
      const losses = await stepper.step(idx, epsSeed, noiseSeed);
      if (!Number.isFinite(losses.loss) || losses.loss > best * EXPLODE_FACTOR) throw new Error(TRAIN_ERRORS.diverged);
      means.add(idx.length, losses);
      const done = (epoch - 1 - startEpochs) * trainIndex.length + means.count;
      hooks.onBatch?.({
        type: 'batch',
        epoch,
        epochs: settings.epochs,
        batch: b + 1,
        batches,
        step: state.step,
        loss: losses.loss,
        reconstruction: losses.rec,
        kl: losses.kl,
        samplesPerSecond: clock.rate(done),
        etaSeconds: clock.etaSeconds(done),
      });
      await yieldToLoop();
    }
    const val = await evaluate(model, data, validationIndex, settings, numClasses);
    const seconds = (performance.now() - epochStart) / 1000;
    const train = means.means();
    const summary: EpochSummary = {
      epoch,
      trainLoss: train.loss,
      trainReconstruction: train.rec,
      trainKl: train.kl,
      validationLoss: val.reconstruction + settings.beta * val.kl,
      validationReconstruction: val.reconstruction,
      validationKl: val.kl,
      seconds,
      samplesPerSecond: means.count / Math.max(seconds, 1e-6),
    };
    if (!Number.isFinite(summary.validationLoss)) throw new Error(TRAIN_ERRORS.diverged);
    state.history = [...state.history, summary];
    state.epochsDone = epoch;
    best = Math.min(best, summary.trainLoss);
    const { indexes: _shown, ...pictures } = await reconstructSample(model, data, sampleIndexes, numClasses);
    await hooks.onEpoch?.(
      {
        type: 'epoch',
        ...summary,
        epochs: settings.epochs,
        etaSeconds: clock.etaSeconds((epoch - startEpochs) * trainIndex.length),
        ...pictures,
        codes: await validationCodes(model, data, mapIndexes, numClasses),
      },
      state,
    );
    await yieldToLoop();
  }
  return 'completed';
}

import * as tf from '@tensorflow/tfjs';
import { activeBackend } from '../backend/select';
import type { TrainingData } from '../data/training-data.types';
import { buildModel, defaultConfig } from '../models/build';
import { metadataFor, type ModelMetadata } from '../models/store/metadata';
import { isConditional, type LatentModel, type ModelKind } from '../models/types';
import { batchTensors, disposeBatch, gatherImages, gatherLabels, oneHotRows, type BatchTensors } from './batches';
import { GradientHelper } from './gradient-helper';
import { DENOISING_STD, stepLoss, trainableVariables } from './step-loss';
import { readCheckpoint, writeCheckpoint } from './checkpoint';
import { TRAIN_ERRORS } from './errors';
import { makeOptimizer } from './optimizer';
import type { BatchProgress, EpochProgress, EpochSummary } from './progress';
import { derivedSeed, shuffled } from './rng';
import { resolveSettings, type TrainSettings } from './settings';
import { evaluate, reconstructSample, splitIndexes } from './evaluate';

export interface TrainHooks {
  onBatch?: (progress: BatchProgress) => void;
  onEpoch?: (progress: EpochProgress) => void;
  /** Aborting stops training before the next batch; the result says 'cancelled'. */
  signal?: AbortSignal;
  /** A checkpoint is written here atomically after every epoch. */
  checkpointDir?: string;
  /** A checkpoint folder (or one epoch folder in it) to continue from. */
  resumeFrom?: string;
}

export interface TrainResult {
  status: 'completed' | 'cancelled';
  /** The trained model; the caller owns it and must dispose() it. */
  model: LatentModel;
  metadata: ModelMetadata;
  history: EpochSummary[];
}

/** Seeds of the noise streams, kept apart so changing one never shifts another. */
const NOISE_EPS = 1;
const NOISE_INPUT = 2;
const SHUFFLE = 3;
/** A batch loss this many times the best epoch loss so far counts as divergence. */
const EXPLODE_FACTOR = 100;
/** Drawings whose reconstructions are sent after every epoch. */
export const SAMPLE_COUNT = 8;

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function checkData(data: TrainingData, kind: ModelKind): void {
  if (data.count === 0 || data.trainIndex.length === 0) throw new Error(TRAIN_ERRORS.noData);
  if (isConditional(kind) && data.classNames.length < 2) throw new Error(TRAIN_ERRORS.needsLabels);
  if (kind === 'conv-ae' && data.imageSize % 16 !== 0) throw new Error(TRAIN_ERRORS.imageSize);
}

export { DENOISING_STD };

/** The loss terms of a step, filled in by its objective. */
interface Terms {
  parts?: tf.Tensor1D;
}

/**
 * Trains a model of `kind` on `data` with a custom loop: seeded shuffling, init and noise; one
 * macrotask yield between batches so the host keeps answering; a checkpoint after each epoch.
 */
export async function train(
  data: TrainingData,
  kind: ModelKind,
  partial: Partial<TrainSettings> = {},
  hooks: TrainHooks = {},
): Promise<TrainResult> {
  const settings = resolveSettings(partial);
  checkData(data, kind);
  const { trainIndex, validationIndex } = splitIndexes(data, settings);
  const numClasses = isConditional(kind) ? data.classNames.length : 0;

  let model: LatentModel;
  let history: EpochSummary[] = [];
  let epochsDone = 0;
  let step = 0;
  const optimizer = makeOptimizer(settings.optimizer, settings.learningRate);
  if (hooks.resumeFrom) {
    const ckpt = await readCheckpoint(hooks.resumeFrom);
    if (ckpt.metadata.kind !== kind || ckpt.metadata.imageSize !== data.imageSize) {
      ckpt.model.dispose();
      tf.dispose(ckpt.optimizerWeights.map((w) => w.tensor));
      throw new Error(TRAIN_ERRORS.checkpointMismatch);
    }
    model = ckpt.model;
    ({ epochsDone, step, history } = ckpt.state);
    await optimizer.setWeights(ckpt.optimizerWeights);
    // setWeights copied the slot tensors into new variables; the decoded ones are ours to free.
    tf.dispose(ckpt.optimizerWeights.map((w) => w.tensor));
  } else {
    model = buildModel(
      defaultConfig(kind, {
        recipe: data.recipe,
        imageSize: data.imageSize,
        latentSize: kind === 'conv-ae' ? undefined : settings.latentSize,
        hiddenSize: settings.hiddenSize,
        numClasses: isConditional(kind) ? numClasses : 1,
        seed: settings.seed,
      }),
    );
  }

  const variables = trainableVariables(model);
  const denoise = kind === 'conv-ae' && settings.denoising;
  const sampleIndexes = Array.from(validationIndex.subarray(0, SAMPLE_COUNT));
  const batches = Math.ceil(trainIndex.length / settings.batchSize);
  const meta = (h: EpochSummary[]): ModelMetadata =>
    metadataFor(model.config, data.classNames, {
      dataset: {
        source: data.source,
        count: data.count,
        trainCount: trainIndex.length,
        validationCount: validationIndex.length,
      },
      training: settings,
      metrics: h.length
        ? {
            epochs: h[h.length - 1].epoch,
            trainLoss: h[h.length - 1].trainLoss,
            validationLoss: h[h.length - 1].validationLoss,
            validationReconstruction: h[h.length - 1].validationReconstruction,
            validationKl: h[h.length - 1].validationKl,
          }
        : undefined,
    });
  const startedAt = performance.now();
  const startEpochs = epochsDone;
  let best = Math.min(...history.map((h) => h.trainLoss), Infinity);

  const finish = (status: TrainResult['status']): TrainResult => {
    optimizer.dispose();
    return { status, model, metadata: meta(history), history };
  };

  /**
   * The batch's objective as a closure for optimizer.minimize or tf.variableGrads; the
   * reconstruction and KL terms are kept in `terms` for progress.
   */
  const objective =
    (batch: BatchTensors, epsSeed: number, noiseSeed: number | undefined, terms: Terms) => (): tf.Scalar => {
      const loss = stepLoss(model, {
        images: batch.images,
        oneHot: batch.oneHot,
        epsSeed,
        noiseSeed,
        beta: settings.beta,
      });
      terms.parts = loss.parts;
      return loss.total;
    };

  /** One optimizer step on this thread. */
  const singleStep = async (idx: Int32Array, epsSeed: number, noiseSeed: number | undefined) => {
    const batch = batchTensors(data, idx, numClasses);
    const terms: Terms = {};
    const cost = optimizer.minimize(objective(batch, epsSeed, noiseSeed, terms), true, variables);
    disposeBatch(batch);
    const [loss] = cost ? Array.from(await cost.data()) : [NaN];
    cost?.dispose();
    const [rec, kl] = terms.parts ? Array.from(await terms.parts.data()) : [NaN, NaN];
    terms.parts?.dispose();
    return { loss, rec, kl };
  };

  /**
   * Data-parallel step: the worker takes the second half of the batch with the current
   * weights while this thread computes the first; the gradients are averaged by share.
   */
  const parallelStep = async (idx: Int32Array, epsSeed: number, noiseSeed: number | undefined) => {
    const half = Math.ceil(idx.length / 2);
    const mine = idx.subarray(0, half);
    const theirs = idx.subarray(half);
    const weights = await Promise.all(variables.map((v) => v.data() as Promise<Float32Array>));
    const remote = helper!.step({
      weights,
      images: gatherImages(data, theirs),
      oneHot: numClasses ? oneHotRows(gatherLabels(data, theirs), numClasses) : undefined,
      count: theirs.length,
      // The halves need independent noise; the offsets keep both streams seeded.
      epsSeed: (epsSeed + 1) % 2_147_483_647,
      noiseSeed: noiseSeed === undefined ? undefined : (noiseSeed + 1) % 2_147_483_647,
      beta: settings.beta,
    });
    const batch = batchTensors(data, mine, numClasses);
    const terms: Terms = {};
    const { value, grads } = tf.variableGrads(objective(batch, epsSeed, noiseSeed, terms), variables);
    disposeBatch(batch);
    const other = await remote;
    const a = mine.length / idx.length;
    const averaged = tf.tidy(() => {
      const out: tf.NamedTensorMap = {};
      variables.forEach((v, i) => {
        out[v.name] = tf.add(tf.mul(grads[v.name], a), tf.mul(tf.tensor(other.grads[i], v.shape), 1 - a));
      });
      return out;
    });
    optimizer.applyGradients(averaged);
    const [mineLoss] = Array.from(await value.data());
    const [mineRec, mineKl] = Array.from(await terms.parts!.data());
    tf.dispose([value, terms.parts!, ...Object.values(grads), ...Object.values(averaged)]);
    return {
      loss: a * mineLoss + (1 - a) * other.loss,
      rec: a * mineRec + (1 - a) * other.reconstruction,
      kl: a * mineKl + (1 - a) * other.kl,
    };
  };

  const helper =
    settings.workers > 1 ? await GradientHelper.start(model.config, activeBackend()).catch(() => undefined) : undefined;

  try {
    for (let epoch = epochsDone + 1; epoch <= settings.epochs; epoch += 1) {
      const order = shuffled(trainIndex, derivedSeed(settings.seed, SHUFFLE, epoch));
      const epochStart = performance.now();
      let seen = 0;
      let sumLoss = 0;
      let sumRec = 0;
      let sumKl = 0;
      for (let b = 0; b < batches; b += 1) {
        if (hooks.signal?.aborted) return finish('cancelled');
        const idx = order.subarray(b * settings.batchSize, (b + 1) * settings.batchSize);
        step += 1;
        const epsSeed = derivedSeed(settings.seed, NOISE_EPS, step);
        const noiseSeed = denoise ? derivedSeed(settings.seed, NOISE_INPUT, step) : undefined;
        const { loss, rec, kl } =
          helper && idx.length >= 2
            ? await parallelStep(idx, epsSeed, noiseSeed)
            : await singleStep(idx, epsSeed, noiseSeed);
        if (!Number.isFinite(loss) || loss > best * EXPLODE_FACTOR) throw new Error(TRAIN_ERRORS.diverged);
        seen += idx.length;
        sumLoss += loss * idx.length;
        sumRec += rec * idx.length;
        sumKl += kl * idx.length;
        const elapsed = (performance.now() - startedAt) / 1000;
        const done = (epoch - 1 - startEpochs) * trainIndex.length + seen;
        const rate = done / Math.max(elapsed, 1e-6);
        const remaining = (settings.epochs - epoch + 1) * trainIndex.length - seen;
        hooks.onBatch?.({
          type: 'batch',
          epoch,
          epochs: settings.epochs,
          batch: b + 1,
          batches,
          step,
          loss,
          reconstruction: rec,
          kl,
          samplesPerSecond: rate,
          etaSeconds: remaining / Math.max(rate, 1e-6),
        });
        await yieldToEventLoop();
      }
      const val = await evaluate(model, data, validationIndex, settings, numClasses);
      const seconds = (performance.now() - epochStart) / 1000;
      const summary: EpochSummary = {
        epoch,
        trainLoss: sumLoss / seen,
        trainReconstruction: sumRec / seen,
        trainKl: sumKl / seen,
        validationLoss: val.reconstruction + settings.beta * val.kl,
        validationReconstruction: val.reconstruction,
        validationKl: val.kl,
        seconds,
        samplesPerSecond: seen / Math.max(seconds, 1e-6),
      };
      if (!Number.isFinite(summary.validationLoss)) throw new Error(TRAIN_ERRORS.diverged);
      history = [...history, summary];
      best = Math.min(best, summary.trainLoss);
      epochsDone = epoch;
      if (hooks.checkpointDir) {
        await writeCheckpoint(hooks.checkpointDir, model, meta(history), optimizer, {
          epochsDone,
          step,
          settings,
          history,
        });
      }
      const elapsed = (performance.now() - startedAt) / 1000;
      const perEpoch = elapsed / (epoch - startEpochs);
      hooks.onEpoch?.({
        type: 'epoch',
        ...summary,
        epochs: settings.epochs,
        etaSeconds: perEpoch * (settings.epochs - epoch),
        reconstructions: reconstructSample(model, data, sampleIndexes, numClasses),
      });
      await yieldToEventLoop();
    }
    return finish('completed');
  } catch (error) {
    optimizer.dispose();
    model.dispose();
    throw error;
  } finally {
    await helper?.dispose();
  }
}

import { defaultRecipe } from '../data/default-recipe';
import { defaultWorkers } from '../train/default-workers';
import { activeBackend } from '../backend/select';
import { portableSource } from '../data/resource-source';
import * as tf from '@tensorflow/tfjs';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DatasetStore, loadTrainingData } from '../data/index';
import { saveModel } from '../models/index';
import { isConvolutional } from '../models/types';
import { dataFolders } from '../paths';
import type { LoadedModels } from '../runtime/loaded-models';
import { train, type BatchProgress, type EpochProgress } from '../train/index';
import { LATEST_FILE } from '../train/checkpoint';
import type { Request } from '../../shared/contract/index';
import type { TrainingCapabilities, TrainingDoneEvent, TrainingRunInfo } from '../../shared/contract/training';
import type { Emit } from '../engine';
import { resolveTrainingSource, sourceLabel } from './training-sources';

export const TRAINING_ERRORS = {
  busy: 'a model is already training: cancel it or wait for it to finish',
  convUnsupported: (backend: string) =>
    `the ${backend} backend cannot train convolution layers (it has no Conv2DBackpropFilter kernel): choose an MLP or conditional kind`,
} as const;

/** Batch events are throttled to keep the bridge free for drawing while a run is fast. */
const BATCH_EVENT_INTERVAL_MS = 150;

export type StartRequest = Request<'training:start'>;

export function trainingCapabilities(): TrainingCapabilities {
  const backend = tf.getBackend();
  return {
    backend,
    convTrainable: tf.getKernel('Conv2DBackpropFilter', backend) !== undefined,
    backends: [{ name: activeBackend(), available: true }],
  };
}

interface Running {
  info: TrainingRunInfo;
  controller: AbortController;
  done: Promise<TrainingDoneEvent>;
}

export interface TrainingJobsOptions {
  dataHome: string;
  resourcesDir: string;
  store: DatasetStore;
  models: LoadedModels;
  emit: Emit;
}

/**
 * The one training run the engine allows at a time. `start` answers at once; the run goes on
 * between requests (train() yields after every batch), so the studio keeps answering strokes.
 */
export class TrainingJobs {
  private running: Running | undefined;

  constructor(private readonly options: TrainingJobsOptions) {}

  get current(): TrainingRunInfo | null {
    return this.running?.info ?? null;
  }

  /** Resolves when the current run has ended (tests; nothing to wait for resolves at once). */
  async settled(): Promise<TrainingDoneEvent | undefined> {
    return this.running?.done;
  }

  checkpointDir(modelName: string): string {
    return join(dataFolders(this.options.dataHome).checkpoints, modelName);
  }

  start(request: StartRequest): TrainingRunInfo {
    if (this.running) throw new Error(TRAINING_ERRORS.busy);
    const capabilities = trainingCapabilities();
    if (isConvolutional(request.kind) && !capabilities.convTrainable) {
      throw new Error(TRAINING_ERRORS.convUnsupported(capabilities.backend));
    }
    const info: TrainingRunInfo = {
      runId: `run-${randomBytes(4).toString('hex')}`,
      modelName: request.modelName,
      kind: request.kind,
      source: request.source,
      startedAt: new Date().toISOString(),
    };
    const controller = new AbortController();
    const done = this.run(request, info, controller.signal).finally(() => {
      this.running = undefined;
    });
    this.running = { info, controller, done };
    return info;
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.controller.abort();
    return true;
  }

  private async run(request: StartRequest, info: TrainingRunInfo, signal: AbortSignal): Promise<TrainingDoneEvent> {
    const { emit, store, resourcesDir, dataHome } = this.options;
    const { runId, modelName } = info;
    let epochsDone = 0;
    const end = (event: Omit<TrainingDoneEvent, 'runId' | 'modelName' | 'epochsDone'>): TrainingDoneEvent => {
      const done: TrainingDoneEvent = { runId, modelName, epochsDone, ...event };
      emit('training:done', done);
      return done;
    };
    try {
      emit('training:progress', { runId, type: 'loading', message: 'Loading the training data…' });
      const source = await resolveTrainingSource(request.source, store, resourcesDir);
      // A stored dataset is named by id: its recipe follows the files it was imported from.
      const recipeSources = (await store.has(source)) ? (await store.get(source)).sources : [source];
      const loaded = await loadTrainingData(source, defaultRecipe(request.kind, recipeSources), {
        store,
        limit: request.limit,
        validationShare: request.settings.validationShare,
        seed: request.settings.seed,
        signal,
      });
      // The metadata keeps where the data is (so Explore can find it again) and, apart, the
      // name people know it by. Shipped sample data is named relative to the resources folder.
      const data = { ...loaded, source: portableSource(source, resourcesDir) };
      const dataName = await sourceLabel(request.source, store);
      const checkpointDir = this.checkpointDir(modelName);
      const resumable = request.resume === true && existsSync(join(checkpointDir, LATEST_FILE));
      // A fresh run must not leave an older run's checkpoint to be resumed by mistake.
      if (!resumable) await rm(checkpointDir, { recursive: true, force: true });
      let lastBatchEvent = 0;
      const settings = { ...request.settings, workers: request.settings.workers ?? defaultWorkers(request.kind) };
      const result = await train(data, request.kind, settings, {
        signal,
        checkpointDir,
        resumeFrom: resumable ? checkpointDir : undefined,
        onBatch: (p: BatchProgress) => {
          const now = Date.now();
          if (now - lastBatchEvent < BATCH_EVENT_INTERVAL_MS && p.batch !== p.batches) return;
          lastBatchEvent = now;
          emit('training:progress', {
            runId,
            type: 'batch',
            epoch: p.epoch,
            epochs: p.epochs,
            batch: p.batch,
            batches: p.batches,
            loss: p.loss,
            reconstruction: p.reconstruction,
            kl: p.kl,
            samplesPerSecond: p.samplesPerSecond,
            etaSeconds: p.etaSeconds,
          });
        },
        onEpoch: (p: EpochProgress) => {
          epochsDone = p.epoch;
          emit('training:progress', {
            runId,
            type: 'epoch',
            epoch: p.epoch,
            epochs: p.epochs,
            trainLoss: p.trainLoss,
            trainReconstruction: p.trainReconstruction,
            trainKl: p.trainKl,
            validationLoss: p.validationLoss,
            validationReconstruction: p.validationReconstruction,
            validationKl: p.validationKl,
            samplesPerSecond: p.samplesPerSecond,
            etaSeconds: p.etaSeconds,
            imageSize: p.reconstructions.imageSize,
            originals: p.reconstructions.originals,
            reconstructions: p.reconstructions.reconstructions,
          });
        },
      });
      epochsDone = result.history.length ? result.history[result.history.length - 1].epoch : epochsDone;
      if (result.status === 'cancelled') {
        result.model.dispose();
        return end({ status: 'cancelled' });
      }
      try {
        const metadata = result.metadata.dataset
          ? { ...result.metadata, dataset: { ...result.metadata.dataset, name: dataName } }
          : result.metadata;
        await saveModel(result.model, join(dataFolders(dataHome).models, modelName), metadata);
      } finally {
        result.model.dispose();
      }
      const modelId = `user:${modelName}`;
      // A model of the same name may be cached from before: the next use must load the new one.
      await this.options.models.forget(modelId);
      return end({ status: 'completed', modelId });
    } catch (error) {
      if (signal.aborted) return end({ status: 'cancelled' });
      return end({ status: 'failed', error: error instanceof Error ? error.message : String(error) });
    }
  }
}

import * as tf from '@tensorflow/tfjs';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Request } from '../../shared/contract/index';
import type { TrainingCapabilities, TrainingDoneEvent, TrainingRunInfo } from '../../shared/contract/training';
import { defaultTrainingBackend, type BackendReport } from '../../shared/types/backend';
import { softwareAllowed } from '../backend/webgpu-node';
import { DatasetStore, loadTrainingData } from '../data/index';
import { defaultRecipe } from '../data/default-recipe';
import { portableSource } from '../data/resource-source';
import type { TrainingData } from '../data/training-data.types';
import { buildModel } from '../models/build';
import { checkModelTarget, saveModel } from '../models/index';
import { isConvolutional, type LatentModel } from '../models/types';
import { dataFolders } from '../paths';
import type { LoadedModels } from '../runtime/loaded-models';
import { LATEST_FILE, readResumePoint, writeCheckpoint } from '../train/job/checkpoint';
import { checkpointFolderFor } from '../train/job/checkpoint-folder';
import { removeDeadCheckpointTemps } from '../train/job/checkpoint-leftovers';
import { LatentMapProjector } from '../train/job/latent-map';
import { checkSettingsFit } from '../train/memory-estimate';
import type { BatchProgress, EpochProgress } from '../train/progress';
import { runOnTrainer } from '../train/job/run-on-trainer';
import { runConfig } from '../train/run/run-training';
import { runIdentity } from '../train/job/run-identity';
import { runMetadata, splitCounts } from '../train/job/run-metadata';
import { resolveSettings } from '../train/resolve-settings';
import type { TrainSettings } from '../train/settings';
import { writeWeights } from '../train/trainer/snapshot';
import type { TrainerLink } from '../train/trainer/link';
import type { TrainerProvider } from '../train/trainer/providers';
import type { Emit } from '../context';
import { explainFsError } from '../fs-errors';
import { resolveTrainingSource, sourceLabel } from './training-sources';

export const TRAINING_ERRORS = {
  busy: 'a model is already training: cancel it or wait for it to finish',
  convUnsupported: (backend: string) =>
    `the ${backend} backend cannot train convolution layers (it has no Conv2DBackpropFilter kernel): choose an MLP or conditional kind`,
} as const;

/** Batch events are throttled to keep the bridge free for drawing while a run is fast. */
const BATCH_EVENT_INTERVAL_MS = 150;

export type StartRequest = Request<'training:start'>;

/**
 * Whether a backend has the filter gradient conv layers need (stock wasm lacks it; the
 * project's kernels add it). The GPU backends ship it, and their tests train every conv kind;
 * they are not loaded in the engine's own thread, so they are not looked up here.
 */
function convTrainable(backend: string): boolean {
  if (backend === 'webgpu' || backend === 'webgl') return true;
  const tfName = backend === 'tensorflow-gpu' ? 'tensorflow' : backend;
  return tf.getKernel('Conv2DBackpropFilter', tfName) !== undefined;
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
  /** Where runs go: worker threads, or a trainer window for the GPU in the desktop app. */
  trainers: TrainerProvider;
  /** The engine's own backend report (the studio's inference backend). */
  backend: BackendReport;
}

/**
 * The one training run the engine allows at a time. `start` answers at once; the run's steps
 * go on in a trainer (a thread of lower priority, or a window), never on the engine's message
 * loop, so the studio answers strokes while it trains. The engine keeps the data, writes the
 * checkpoints and saves the model from the weights the trainer sends back.
 */
export class TrainingJobs {
  private running: Running | undefined;
  private backends: Promise<TrainingCapabilities['backends']> | undefined;

  constructor(private readonly options: TrainingJobsOptions) {}

  get current(): TrainingRunInfo | null {
    return this.running?.info ?? null;
  }

  /** Resolves when the current run has ended (tests; nothing to wait for resolves at once). */
  async settled(): Promise<TrainingDoneEvent | undefined> {
    return this.running?.done;
  }

  /** Where a run saves the model it trains. */
  modelFolder(modelName: string): string {
    return join(dataFolders(this.options.dataHome).models, modelName);
  }

  checkpointDir(modelName: string): string {
    return checkpointFolderFor(this.options.dataHome, this.modelFolder(modelName));
  }

  /** What runs can train on; the GPU probe is asked once per engine. */
  async capabilities(): Promise<TrainingCapabilities> {
    this.backends ??= this.options.trainers.backends(this.options.backend);
    const backends = await this.backends;
    const backend = this.options.backend.backend;
    return { backend, convTrainable: convTrainable(backend), backends };
  }

  private async defaultBackend(): Promise<TrainSettings['backend']> {
    const { backends } = await this.capabilities();
    return defaultTrainingBackend(backends) ?? this.options.backend.backend;
  }

  start(request: StartRequest): TrainingRunInfo {
    if (this.running) throw new Error(TRAINING_ERRORS.busy);
    const backend = request.settings.backend ?? this.options.backend.backend;
    if (isConvolutional(request.kind) && !convTrainable(backend)) {
      throw new Error(TRAINING_ERRORS.convUnsupported(backend));
    }
    checkSettingsFit(request.kind, request.settings);
    const info: TrainingRunInfo = {
      runId: `run-${randomBytes(4).toString('hex')}`,
      modelName: request.modelName,
      kind: request.kind,
      source: request.source,
      startedAt: new Date().toISOString(),
    };
    const controller = new AbortController();
    // The run is over for the studio only once its trainer is closed: then the next may start.
    const done = this.run(request, info, controller.signal).then((event) => {
      this.running = undefined;
      this.options.emit('training:done', event);
      return event;
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
    const { emit, store } = this.options;
    const { runId, modelName } = info;
    let epochsDone = 0;
    let backend: string | undefined;
    const end = (event: Omit<TrainingDoneEvent, 'runId' | 'modelName' | 'epochsDone'>): TrainingDoneEvent => {
      return { runId, modelName, epochsDone, backend, ...event };
    };
    let link: TrainerLink | undefined;
    let shadow: LatentModel | undefined;
    try {
      // A folder the save would refuse is refused now, before anyone waits through the run.
      await checkModelTarget(this.modelFolder(modelName));
      const settings = resolveSettings(
        // The best available, as the Train view shows it, unless the person chose one.
        { ...request.settings, backend: request.settings.backend ?? (await this.defaultBackend()) },
        request.kind,
      );
      emit('training:progress', { runId, type: 'loading', message: 'Loading the training data…' });
      const data = await this.loadData(request, settings, signal);
      const dataName = await sourceLabel(request.source, store);
      const checkpointDir = this.checkpointDir(modelName);
      await removeDeadCheckpointTemps(checkpointDir);
      const resumable = request.resume === true && existsSync(join(checkpointDir, LATEST_FILE));
      // A fresh run must not leave an older run's checkpoint to be resumed by mistake.
      if (!resumable) await rm(checkpointDir, { recursive: true, force: true });
      // The engine keeps a model of the same shape to write checkpoints and the saved model from
      // the weights the trainer sends; it never trains it.
      const config = runConfig(data, request.kind, settings);
      const identity = runIdentity(config, data, settings);
      const resume = resumable ? await readResumePoint(checkpointDir, identity) : undefined;
      const split = splitCounts(data, settings);
      shadow = buildModel(config);
      const projector = new LatentMapProjector(data.labels, data.classNames);
      const batchEvents = new Throttle(BATCH_EVENT_INTERVAL_MS);
      link = await this.options.trainers.open(settings.backend);
      const outcome = await runOnTrainer(
        link,
        { type: 'start', kind: request.kind, settings, data, resume: resume?.point, allowSoftware: softwareAllowed() },
        {
          signal,
          onStarted: (name) => {
            backend = name;
            emit('training:progress', { runId, type: 'loading', message: `Training on ${name}…` });
          },
          onBatch: (p: BatchProgress) => {
            if (!batchEvents.ready() && p.batch !== p.batches) return;
            emit('training:progress', { runId, ...p });
          },
          onEpoch: async (p: EpochProgress, snapshot) => {
            const { epochsDone: done, step, history } = snapshot.state;
            const recorded = { ...settings, backend: backend as TrainSettings['backend'] };
            writeWeights(shadow!, snapshot.weights);
            await writeCheckpoint(
              checkpointDir,
              shadow!,
              runMetadata(config, data, split, recorded, history),
              snapshot.optimizer,
              { epochsDone: done, step, settings: recorded, history, identity },
            );
            epochsDone = p.epoch;
            const { codes, ...epoch } = p;
            emit('training:progress', { runId, ...epoch, latentMap: projector.map(codes) });
          },
        },
      );
      epochsDone = outcome.state.epochsDone;
      if (outcome.status === 'cancelled' || !outcome.weights) return end({ status: 'cancelled' });
      writeWeights(shadow, outcome.weights);
      const metadata = runMetadata(
        config,
        data,
        split,
        { ...settings, backend: outcome.backend },
        outcome.state.history,
      );
      await saveModel(shadow, this.modelFolder(modelName), {
        ...metadata,
        dataset: metadata.dataset && { ...metadata.dataset, name: dataName },
      });
      const modelId = `user:${modelName}`;
      // A model of the same name may be cached from before: the next use must load the new one.
      await this.options.models.forget(modelId);
      return end({ status: 'completed', modelId });
    } catch (error) {
      if (signal.aborted) return end({ status: 'cancelled' });
      const explained = explainFsError(error);
      return end({ status: 'failed', error: explained instanceof Error ? explained.message : String(explained) });
    } finally {
      shadow?.dispose();
      await link?.close();
    }
  }

  /** The run's data, named portably: shipped sample data relative to the resources folder. */
  private async loadData(request: StartRequest, settings: TrainSettings, signal: AbortSignal): Promise<TrainingData> {
    const { store, resourcesDir } = this.options;
    const source = await resolveTrainingSource(request.source, store, resourcesDir);
    // A stored dataset is named by id: its recipe follows the files it was imported from.
    const recipeSources = (await store.has(source)) ? (await store.get(source)).sources : [source];
    const loaded = await loadTrainingData(source, defaultRecipe(request.kind, recipeSources), {
      store,
      limit: request.limit,
      validationShare: settings.validationShare,
      seed: settings.seed,
      signal,
    });
    return { ...loaded, source: portableSource(source, resourcesDir) };
  }
}

/** Lets one event through per interval. */
class Throttle {
  private last = 0;
  constructor(private readonly intervalMs: number) {}
  ready(): boolean {
    const now = Date.now();
    if (now - this.last < this.intervalMs) return false;
    this.last = now;
    return true;
  }
}

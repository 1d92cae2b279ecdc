import { channel } from './define';
import { s } from './schema';
import { TRAINER_BACKEND_NAMES, type BackendStatus } from '../types/backend';

export const TRAINING_KINDS = ['conv-ae', 'mlp-vae', 'conv-vae', 'cvae', 'cvae-prior'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];
export const OPTIMIZERS = ['adam', 'rmsprop', 'sgd'] as const;

/**
 * The model catalogue's rule for ids ("user:NAME") too, so every name accepted is saved and
 * listed. No leading dot: a hidden folder is not a model (a save's own folders beside a model
 * are hidden ones), and "." and ".." are not names.
 */
export const MODEL_NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}$/;
/** Sources: a dataset id from the store, or "sample:<file>" under the shipped resources. */
export const TRAINING_SOURCE_PATTERN =
  /^(ds-[a-z0-9-]{1,60}|sample:[A-Za-z0-9._-]{1,120}(\/[A-Za-z0-9._-]{1,120}){0,2})$/;

export const TRAINING_LIMITS = {
  epochs: 1000,
  batchSize: 4096,
  latentSize: 256,
  hiddenSize: 4096,
  items: 10_000_000,
} as const;

/** Each training setting's schema: the studio's requests and the CLI's flags are both checked with these. */
export const trainingSettingsFields = {
  epochs: s.integer(1, TRAINING_LIMITS.epochs),
  batchSize: s.integer(1, TRAINING_LIMITS.batchSize),
  learningRate: s.number({ min: 1e-7, max: 10 }),
  optimizer: s.enum(OPTIMIZERS),
  beta: s.number({ min: 0, max: 1000 }),
  latentSize: s.integer(1, TRAINING_LIMITS.latentSize),
  hiddenSize: s.optional(s.integer(1, TRAINING_LIMITS.hiddenSize)),
  validationShare: s.number({ min: 0, max: 0.9 }),
  seed: s.integer(0, 2 ** 31 - 1),
  denoising: s.optional(s.boolean()),
  /** Threads per batch (data-parallel); the engine picks when absent. */
  workers: s.optional(s.integer(1, 2)),
  /** The backend the run trains on; the best available one when absent. */
  backend: s.optional(s.enum(TRAINER_BACKEND_NAMES)),
};

export const trainingSettingsSchema = s.object(trainingSettingsFields);

/** How many drawings a run may load. */
export const trainingLimitSchema = s.integer(1, TRAINING_LIMITS.items);

export interface TrainingSource {
  id: string;
  name: string;
  count?: number;
  categories: string[];
  origin: 'dataset' | 'sample';
}

export interface TrainingCapabilities {
  /** The backend a run uses when none is chosen. */
  backend: string;
  /** False where the backend lacks Conv2DBackpropFilter (stock wasm): conv kinds cannot train. */
  convTrainable: boolean;
  /** Every backend a run could train on, best first, with why it is not available. */
  backends: BackendStatus[];
}

/**
 * GPU training where Chromium's WebGPU is behind switches (the desktop app on Linux): the
 * switches are read once at launch, so turning it on or off restarts the app.
 */
export interface GpuSwitch {
  /** Whether this host offers the switch; elsewhere WebGPU needs none, or there is no app to restart. */
  offered: boolean;
  /** Whether GPU training is on: in this launch, or in the one the app is restarting into. */
  on: boolean;
  /** The app is restarting to apply a change. */
  restarting: boolean;
}

export interface TrainingRunInfo {
  runId: string;
  modelName: string;
  kind: TrainingKind;
  source: string;
  startedAt: string;
}

export interface TrainingBatchEvent {
  runId: string;
  type: 'batch';
  epoch: number;
  epochs: number;
  batch: number;
  batches: number;
  loss: number;
  reconstruction: number;
  kl: number;
  samplesPerSecond: number;
  etaSeconds: number;
}

export interface TrainingEpochEvent {
  runId: string;
  type: 'epoch';
  epoch: number;
  epochs: number;
  trainLoss: number;
  trainReconstruction: number;
  trainKl: number;
  validationLoss: number;
  validationReconstruction: number;
  validationKl: number;
  samplesPerSecond: number;
  etaSeconds: number;
  imageSize: number;
  originals: Float32Array[];
  reconstructions: Float32Array[];
  /** Validation codes after this epoch, for the live latent map. */
  latentMap?: TrainingLatentMap;
}

/**
 * Up to a few hundred validation drawings' mean codes, in 2-d: the code itself for a 2-d
 * latent, else its projection on the first epoch's two principal directions (fixed for the
 * run, so the picture moves only because the model does).
 */
export interface TrainingLatentMap {
  axes: 'dims' | 'pca';
  x: Float32Array;
  y: Float32Array;
  /** Class index of each point into classNames; -1 where the data has no labels. */
  labels: Int32Array;
  classNames: string[];
}

export type TrainingProgressEvent =
  TrainingBatchEvent | TrainingEpochEvent | { runId: string; type: 'loading'; message: string };

export interface TrainingDoneEvent {
  runId: string;
  status: 'completed' | 'cancelled' | 'failed';
  /** "user:NAME" of the saved model (completed runs). */
  modelId?: string;
  modelName: string;
  /** Epochs finished; a cancelled or failed run keeps the checkpoint of the last one. */
  epochsDone: number;
  /** The backend the run trained on. */
  backend?: string;
  error?: string;
}

export const trainingChannels = {
  'training:sources': channel('engine', s.object({}), s.trusted<TrainingSource[]>()),
  'training:capabilities': channel('engine', s.object({}), s.trusted<TrainingCapabilities>()),
  'training:status': channel('engine', s.object({}), s.trusted<TrainingRunInfo | null>()),
  /** Starts a run in the background and answers at once; progress and the end come as events. */
  'training:start': channel(
    'engine',
    s.object({
      source: s.string(300, TRAINING_SOURCE_PATTERN),
      kind: s.enum(TRAINING_KINDS),
      modelName: s.string(120, MODEL_NAME_PATTERN),
      settings: trainingSettingsSchema,
      limit: s.optional(trainingLimitSchema),
      /** Continue from this model name's last checkpoint when there is one. */
      resume: s.optional(s.boolean()),
    }),
    s.trusted<TrainingRunInfo>(),
  ),
  'training:cancel': channel('engine', s.object({}), s.trusted<{ cancelled: boolean }>()),
  'training:gpu-switch': channel('host', s.object({}), s.trusted<GpuSwitch>()),
  /** Stores the choice and restarts the app when it differs from this launch's. */
  'training:set-gpu-switch': channel('host', s.object({ on: s.boolean() }), s.trusted<GpuSwitch>()),
} as const;

export const trainingEvents = {
  'training:progress': s.trusted<TrainingProgressEvent>(),
  /** Sent once per run; a completed run's model is saved and listed by 'models:list' from now on. */
  'training:done': s.trusted<TrainingDoneEvent>(),
} as const;

import { channel } from './define';
import { s } from './schema';
import { MODEL_KINDS, type ModelKind } from '../model-kinds';
import type { BackendStatus } from '../types/backend';
import type { TrainingProgressEvent } from './training-progress';
import { SETTING_LIMITS, trainingSettingsSchema } from './training-settings';

// A training setting is a row of the settings table, and progress is described once: both have files of their own.
export { OPTIMIZERS, trainingSettingsFields, trainingSettingsSchema } from './training-settings';
export type {
  TrainingBatchEvent,
  TrainingEpochEvent,
  TrainingLatentMap,
  TrainingProgressEvent,
} from './training-progress';

/**
 * The model catalogue's rule for ids ("user:NAME") too, so every name accepted is saved and
 * listed. No leading dot: a hidden folder is not a model (a save's own folders beside a model
 * are hidden ones), and "." and ".." are not names.
 */
export const MODEL_NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,119}$/;
/** Sources: a dataset id from the store, or "sample:<file>" under the shipped resources. */
export const TRAINING_SOURCE_PATTERN =
  /^(ds-[a-z0-9-]{1,60}|sample:[A-Za-z0-9._-]{1,120}(\/[A-Za-z0-9._-]{1,120}){0,2})$/;

export const TRAINING_LIMITS = { ...SETTING_LIMITS, items: 10_000_000 } as const;

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
  kind: ModelKind;
  source: string;
  startedAt: string;
}

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
      kind: s.enum(MODEL_KINDS),
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

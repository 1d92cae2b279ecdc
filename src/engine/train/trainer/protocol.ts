/**
 * The trainer protocol: the engine owns data, checkpoints and saved models; a trainer (a
 * thread in the engine, or a hidden window in the desktop app) gets the data once, builds the
 * model from its config, steps, and sends back progress and, after every epoch, the weights
 * and optimizer state the engine checkpoints. Plain structured-clone data only.
 */
import type { AdapterInfo, BackendStatus, TrainerBackendName } from '../../../shared/types/backend';
import type { TrainingData } from '../../data/training-data.types';
import type { ModelKind } from '../../models/types';
import type { RunState } from '../run/loop';
import type { BatchProgress, EpochProgress } from '../progress';
import type { ResumePoint } from '../run/run-training';
import type { TrainSettings } from '../settings';
import type { NamedArray, WeightArrays } from './snapshot';

export interface TrainerStart {
  type: 'start';
  kind: ModelKind;
  /** Resolved settings; `backend` is the one asked for (absent: the trainer's best). */
  settings: TrainSettings;
  data: TrainingData;
  resume?: ResumePoint;
  /** Accept a software WebGPU adapter (tests on SwiftShader). */
  allowSoftware: boolean;
}

/** Asks a trainer which GPU backends it could train on, without starting a run. */
export interface TrainerProbe {
  type: 'probe';
  allowSoftware: boolean;
}

export type ToTrainer = TrainerStart | TrainerProbe | { type: 'cancel' };

/** What the engine needs to write a checkpoint of the epoch just finished. */
export interface TrainerSnapshot {
  weights: WeightArrays;
  optimizer: NamedArray[];
  state: RunState;
}

export type FromTrainer =
  | { type: 'started'; backend: TrainerBackendName; adapter?: AdapterInfo }
  | { type: 'batch'; progress: BatchProgress }
  | { type: 'epoch'; progress: EpochProgress; snapshot: TrainerSnapshot }
  /** A completed run carries its final weights; a cancelled one leaves the last checkpoint. */
  | { type: 'done'; status: 'completed' | 'cancelled'; weights?: WeightArrays; state: RunState }
  | { type: 'failed'; message: string }
  | { type: 'probed'; statuses: BackendStatus[] };

/** One side of a trainer's channel: a worker thread's port or a window's MessagePort. */
export interface TrainerEndpoint {
  post(message: FromTrainer): void;
  onMessage(handler: (message: ToTrainer) => void): void;
}

export const TRAINER_ERRORS = {
  busy: 'this trainer is already running a training run',
  noStart: 'the trainer got a message before its start message',
  unavailable: (backend: string, why: string) => `cannot train on ${backend}: ${why}`,
  lost: (why: string) => `the trainer stopped: ${why}`,
  /** A run whose trainer went away (`what` says how), and what of the run is kept. */
  stopped: (what: string, epochsDone: number) =>
    epochsDone > 0
      ? `${what}: training stopped after epoch ${epochsDone}; the last checkpoint (epoch ${epochsDone}) is kept, and the run can be resumed from it`
      : `${what}: training stopped before its first epoch ended, so there is no checkpoint to resume from`,
  crashed: (reason: string) => `the GPU trainer crashed (${reason})`,
  windowClosed: 'the GPU trainer window closed',
  threadExited: (code: number) => `the training thread exited with code ${code}`,
  threadFailed: (why: string) => `the training thread failed: ${why}`,
} as const;

import type { EngineChannelName, EventName } from './contract/index';
import type { Envelope, ErrorInfo } from './contract/envelope';
import type { BackendName, BackendReport } from './types/backend';

/** What the host tells the engine when it starts it. */
export interface EngineConfig {
  /** Folder for datasets, models, checkpoints and drawings. */
  dataHome: string;
  /** Folder of shipped resources (default models, sample data). */
  resourcesDir: string;
  /** Folder holding tfjs-backend-wasm's .wasm files (the unpacked copy beside app.asar in the packaged app). */
  wasmDir?: string;
  /** The installed desktop app: its installers leave the native TensorFlow packages out on purpose. */
  installedApp?: boolean;
  /** Force one backend (tests, `--backend`); otherwise the best available. */
  backend?: BackendName;
  /**
   * GPU runs go to a trainer window the host opens (the desktop app, whose engine cannot load
   * Dawn); otherwise every run is a worker thread of the engine.
   */
  trainerWindow?: boolean;
}

export type ToEngine =
  | { kind: 'init'; config: EngineConfig }
  /** Answers a trainer-port request; the port travels as the message's transferred port. */
  | { kind: 'trainer-port'; id: number; error?: string }
  /** The trainer window's renderer died (Electron's reason: 'crashed', 'oom', …); its ports are dead. */
  | { kind: 'trainer-gone'; reason: string }
  | { kind: 'request'; id: number; channel: EngineChannelName; payload: unknown };

export type FromEngine =
  | { kind: 'ready'; backend: BackendReport }
  | { kind: 'fatal'; error: ErrorInfo }
  | { kind: 'response'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; name: EventName; payload: unknown }
  /** Asks the host for a port to its trainer window, for a run (or probe) on `backend`. */
  | { kind: 'trainer-port-request'; id: number; backend?: string };

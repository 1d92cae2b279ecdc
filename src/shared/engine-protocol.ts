import type { EngineChannelName, EventName } from './contract/index';
import type { Envelope, ErrorInfo } from './contract/envelope';
import type { BackendName, BackendReport } from './types/backend';

/** What the host tells the engine when it starts it. */
export interface EngineConfig {
  /** Folder for datasets, models, checkpoints and drawings. */
  dataHome: string;
  /** Folder of shipped resources (default models, sample data). */
  resourcesDir: string;
  /** Folder holding tfjs-backend-wasm's .wasm files (unpacked from asar in the packaged app). */
  wasmDir?: string;
  /** Force one backend (tests, `--backend`); otherwise the best available. */
  backend?: BackendName;
}

export type ToEngine =
  | { kind: 'init'; config: EngineConfig }
  | { kind: 'request'; id: number; channel: EngineChannelName; payload: unknown };

export type FromEngine =
  | { kind: 'ready'; backend: BackendReport }
  | { kind: 'fatal'; error: ErrorInfo }
  | { kind: 'response'; id: number; envelope: Envelope<unknown> }
  | { kind: 'event'; name: EventName; payload: unknown };

import type { BackendReport } from './backend';

export type EngineState = 'starting' | 'ready' | 'restarting' | 'failed';

export interface EngineStatus {
  state: EngineState;
  /** Set once the engine has chosen its backend. */
  backend?: BackendReport;
  /** Why the engine restarted or failed, in words for the person. */
  message?: string;
  /** How many times the engine has been restarted since the app started. */
  restarts: number;
  /** How the engine last stopped unasked, e.g. "killed by SIGKILL" (kept after it is back). */
  lastExit?: string;
}

export interface ModelSummary {
  id: string;
  name: string;
  kind: string;
  recipe: string;
  imageSize: number;
  latentSize: number;
  classNames: string[];
  dataset: string;
  /** 'shipped' models come with the app; 'user' models were trained by the person. */
  origin: 'shipped' | 'user';
  /** One line on what the model is for (faithful reconstruction, the 2-d map, …). */
  purpose?: string;
  /** The model the studio opens with. */
  default?: boolean;
}

export interface AppInfo {
  name: string;
  version: string;
  /** How the studio is running: inside Electron, or served to a browser. */
  host: 'electron' | 'browser';
  versions: Record<string, string>;
  engine: EngineStatus;
}

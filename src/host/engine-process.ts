import type { FromEngine, ToEngine } from '../shared/engine-protocol';

/** One running engine process, whatever starts it (utilityProcess in Electron, fork in Node). */
export interface EngineProcess {
  readonly pid: number | undefined;
  send(message: ToEngine): void;
  onMessage(listener: (message: FromEngine) => void): void;
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  kill(): void;
}

export type SpawnEngine = () => EngineProcess;

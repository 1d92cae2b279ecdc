import { utilityProcess } from 'electron';
import type { FromEngine } from '../shared/engine-protocol';
import type { EngineProcess, SpawnEngine } from '../host/engine-process';

/** Starts the engine as an Electron utilityProcess: its own OS process, so a crash or a long
 * training step never touches the window. */
export function utilityEngineSpawner(entry: string): SpawnEngine {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'LatentDraw engine', stdio: 'inherit' });
    const exitListeners: Array<(code: number | null, signal: string | null) => void> = [];
    child.on('exit', (code) => {
      for (const listener of exitListeners) listener(code, null);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', (message: FromEngine) => listener(message)),
      onExit: (listener) => exitListeners.push(listener),
      kill: () => {
        child.kill();
      },
    } satisfies EngineProcess;
  };
}

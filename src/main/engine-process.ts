import { utilityProcess, type MessagePortMain } from 'electron';
import type { FromEngine, ToEngine } from '../shared/engine-protocol';
import type { EngineProcess, SpawnEngine } from '../host/engine-process';

/** Opens a port to the trainer window for a run (or probe) on `backend`. */
export type TrainerPorts = (backend: string | undefined) => Promise<MessagePortMain>;

/** Subscribes to the trainer window's renderer dying, with Electron's reason; returns the unsubscribe. */
export type TrainerCrashes = (listener: (reason: string) => void) => () => void;

/** Starts the engine as an Electron utilityProcess: its own OS process, so a crash or a long
 * training step never touches the window. Its requests for a trainer window's port are
 * answered here, with the port transferred to it, and it is told when that window's renderer
 * dies; everything else goes to the supervisor. */
export function utilityEngineSpawner(
  entry: string,
  trainerPorts?: TrainerPorts,
  trainerCrashes?: TrainerCrashes,
): SpawnEngine {
  return () => {
    const child = utilityProcess.fork(entry, [], { serviceName: 'LatentDraw engine', stdio: 'inherit' });
    // The crash's reason reaches the engine only this way: the window's ports just close.
    const unsubscribe = trainerCrashes?.((reason) =>
      child.postMessage({ kind: 'trainer-gone', reason } satisfies ToEngine),
    );
    const answerPortRequest = (id: number, backend: string | undefined) => {
      if (!trainerPorts) {
        child.postMessage({ kind: 'trainer-port', id, error: 'this host has no trainer window' });
        return;
      }
      trainerPorts(backend).then(
        (port) => child.postMessage({ kind: 'trainer-port', id }, [port]),
        (error: unknown) =>
          child.postMessage({
            kind: 'trainer-port',
            id,
            error: error instanceof Error ? error.message : String(error),
          }),
      );
    };
    const exitListeners: Array<(code: number | null, signal: string | null) => void> = [];
    child.on('exit', (code) => {
      unsubscribe?.();
      for (const listener of exitListeners) listener(code, null);
    });
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      onMessage: (listener) =>
        child.on('message', (message: FromEngine) => {
          if (message.kind === 'trainer-port-request') answerPortRequest(message.id, message.backend);
          else listener(message);
        }),
      onExit: (listener) => exitListeners.push(listener),
      kill: () => {
        child.kill();
      },
    } satisfies EngineProcess;
  };
}

import { fork } from 'node:child_process';
import type { FromEngine } from '../shared/engine-protocol';
import type { EngineProcess, SpawnEngine } from './engine-process';

type ExitListener = (code: number | null, signal: string | null) => void;

/** Starts the engine as a Node child process (browser mode and the CLI). */
export function nodeEngineSpawner(entry: string, execArgv: string[] = []): SpawnEngine {
  return () => {
    // 'advanced' serialization is the structured clone: typed arrays cross intact.
    const child = fork(entry, [], {
      serialization: 'advanced',
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const exitListeners: ExitListener[] = [];
    let exited = false;
    const exit = (code: number | null, signal: string | null) => {
      if (exited) return;
      exited = true;
      for (const listener of exitListeners) listener(code, signal);
    };
    child.on('exit', exit);
    // A fork refused by the system (EMFILE, EAGAIN under a descriptor or process limit) emits
    // 'error' and may never emit 'exit': without a listener the host would crash, and without
    // an exit the supervisor would wait for an engine that never comes. It counts as a crash.
    child.on('error', () => {
      if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) exit(1, null);
    });
    const process: EngineProcess = {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromEngine)),
      onExit: (listener) => exitListeners.push(listener),
      kill: () => child.kill('SIGKILL'),
    };
    return process;
  };
}

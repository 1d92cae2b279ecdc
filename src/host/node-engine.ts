import { fork } from 'node:child_process';
import type { FromEngine } from '../shared/engine-protocol';
import type { EngineProcess, SpawnEngine } from './engine-process';

/** Starts the engine as a Node child process (browser mode and the CLI). */
export function nodeEngineSpawner(entry: string, execArgv: string[] = []): SpawnEngine {
  return () => {
    // 'advanced' serialization is the structured clone: typed arrays cross intact.
    const child = fork(entry, [], {
      serialization: 'advanced',
      execArgv,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const process: EngineProcess = {
      get pid() {
        return child.pid;
      },
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromEngine)),
      onExit: (listener) => child.on('exit', (code, signal) => listener(code, signal)),
      kill: () => child.kill('SIGKILL'),
    };
    return process;
  };
}

/**
 * The engine's entry point and message loop, and nothing else. It runs as an Electron
 * utilityProcess (process.parentPort), or as a Node child process (process.send), and
 * speaks the same protocol in both.
 */
import { toErrorInfo } from '../shared/contract/envelope';
import type { FromEngine, ToEngine } from '../shared/engine-protocol';
import { startEngine, type Engine } from './engine';

interface Port {
  post(message: FromEngine): void;
  listen(handler: (message: ToEngine) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

function connect(): Port {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      listen: (handler) => parentPort.on('message', (event) => handler(event.data as ToEngine)),
    };
  }
  if (process.send) {
    return {
      post: (message) => process.send?.(message),
      listen: (handler) => process.on('message', (message) => handler(message as ToEngine)),
    };
  }
  throw new Error('the engine must be started by LatentDraw (no parent port or IPC channel)');
}

const port = connect();
let engine: Engine | undefined;
const waiting: ToEngine[] = [];

function dispatch(message: ToEngine): void {
  if (message.kind !== 'request') return;
  if (!engine) {
    waiting.push(message);
    return;
  }
  void engine.handle(message.channel, message.payload).then((envelope) => {
    port.post({ kind: 'response', id: message.id, envelope });
  });
}

port.listen((message) => {
  if (message.kind === 'init') {
    startEngine(message.config, (name, payload) => port.post({ kind: 'event', name, payload }))
      .then((started) => {
        engine = started;
        port.post({ kind: 'ready', backend: started.backend });
        for (const queued of waiting.splice(0)) dispatch(queued);
      })
      .catch((error: unknown) => {
        port.post({ kind: 'fatal', error: toErrorInfo(error, 'engine-start-failed') });
      });
    return;
  }
  dispatch(message);
});

// An exception that escapes a handler must not take the engine down silently: report it and
// let the supervisor decide (it restarts the engine if the process dies).
process.on('uncaughtException', (error) => {
  port.post({ kind: 'fatal', error: toErrorInfo(error, 'engine-crashed') });
});

/**
 * The engine's entry point and message loop, and nothing else. It runs as an Electron
 * utilityProcess (process.parentPort), or as a Node child process (process.send), and
 * speaks the same protocol in both.
 */
import { toErrorInfo } from '../shared/contract/envelope';
import type { EngineConfig, FromEngine, ToEngine } from '../shared/engine-protocol';
import { startEngine, type Engine } from './engine';
import { threadTrainers, windowTrainers, type TrainerPort, type TrainerProvider } from './train/trainer/providers';

interface Port {
  post(message: FromEngine): void;
  listen(handler: (message: ToEngine, ports: readonly TrainerPort[]) => void): void;
}

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports: readonly TrainerPort[] }) => void): void;
}

function connect(): Port {
  const parentPort = (process as unknown as { parentPort?: ElectronParentPort }).parentPort;
  if (parentPort) {
    return {
      post: (message) => parentPort.postMessage(message),
      listen: (handler) => parentPort.on('message', (event) => handler(event.data as ToEngine, event.ports ?? [])),
    };
  }
  if (process.send) {
    return {
      post: (message) => process.send?.(message),
      listen: (handler) => process.on('message', (message) => handler(message as ToEngine, [])),
    };
  }
  throw new Error('the engine must be started by LatentDraw (no parent port or IPC channel)');
}

const port = connect();
let engine: Engine | undefined;
const waiting: ToEngine[] = [];

/** Ports to the host's trainer window, asked for by id and answered with the port attached. */
const portRequests = new Map<number, { resolve(port: TrainerPort): void; reject(error: Error): void }>();
let nextPortRequest = 1;

function requestTrainerPort(backend?: string): Promise<TrainerPort> {
  const id = nextPortRequest++;
  return new Promise((resolve, reject) => {
    portRequests.set(id, { resolve, reject });
    port.post({ kind: 'trainer-port-request', id, backend });
  });
}

/** The desktop app's window trainers, told when the host sees that window's renderer die. */
let gpuWindow: ReturnType<typeof windowTrainers> | undefined;

function trainersFor(config: EngineConfig): TrainerProvider {
  if (!config.trainerWindow) return threadTrainers(config.wasmDir);
  gpuWindow = windowTrainers(requestTrainerPort, config.wasmDir);
  return gpuWindow;
}

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

port.listen((message, ports) => {
  if (message.kind === 'trainer-port') {
    const request = portRequests.get(message.id);
    portRequests.delete(message.id);
    if (message.error || !ports[0]) request?.reject(new Error(message.error ?? 'no port came with the answer'));
    else request?.resolve(ports[0]);
    return;
  }
  if (message.kind === 'trainer-gone') {
    gpuWindow?.windowGone(message.reason);
    return;
  }
  if (message.kind === 'init') {
    startEngine(
      message.config,
      (name, payload) => port.post({ kind: 'event', name, payload }),
      trainersFor(message.config),
    )
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

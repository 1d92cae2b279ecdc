/**
 * A trainer on a worker thread of the engine: its own tfjs and backend (wasm, cpu, native
 * TensorFlow, or WebGPU through Dawn), at a lower priority than the engine's message loop, so
 * a stroke is answered while a batch runs. It speaks the trainer protocol on its parent port.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { BACKEND_NAMES, type BackendName } from '../../../shared/types/backend';
import { BACKEND_ORDER, selectBackend } from '../../backend/select';
import { GradientHelper } from '../parallel/helper';
import { lowerThreadPriority } from '../thread-priority';
import { serveTrainer } from './serve';
import { TRAINER_ERRORS, type FromTrainer, type ToTrainer } from './protocol';

export interface TrainerThreadData {
  wasmDir?: string;
}

const options = (workerData ?? {}) as TrainerThreadData;
lowerThreadPriority();

const port = parentPort;
if (port) {
  serveTrainer(
    {
      post: (message: FromTrainer) => port.postMessage(message),
      onMessage: (handler) => port.on('message', (message: ToTrainer) => handler(message)),
    },
    {
      async useBackend(requested, allowSoftware) {
        if (requested === 'webgl')
          throw new Error(TRAINER_ERRORS.unavailable('webgl', 'WebGL exists only in a window'));
        if (allowSoftware) process.env.LATENTDRAW_WEBGPU_ALLOW_SOFTWARE = '1';
        const only =
          requested && (BACKEND_NAMES as readonly string[]).includes(requested)
            ? (requested as BackendName)
            : undefined;
        let report;
        try {
          report = await selectBackend({ only, order: BACKEND_ORDER, wasmDir: options.wasmDir });
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          throw new Error(TRAINER_ERRORS.unavailable(only ?? 'any backend', why), { cause: error });
        }
        const adapter = report.statuses.find((s) => s.name === report.backend)?.adapter;
        return { backend: report.backend, adapter };
      },
      startHelper: (config, backend) => GradientHelper.start(config, backend).catch(() => undefined),
    },
  );
}

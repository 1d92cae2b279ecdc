import type { AdapterInfo, BackendName, BackendStatus, TrainerBackendName } from '../../../shared/types/backend';
import { TRAIN_ERRORS } from '../errors';
import { runTraining, type RunEnv } from '../run/run-training';
import { readOptimizer, readWeights } from './snapshot';
import { TRAINER_ERRORS, type TrainerEndpoint, type TrainerStart } from './protocol';

/** How a trainer host gets its compute backend: Node picks among its own, a window its GPU. */
export interface TrainerHost {
  /** Switches this thread's tfjs to the backend asked for, or the best one; throws why not. */
  useBackend(
    requested: TrainerBackendName | undefined,
    allowSoftware: boolean,
  ): Promise<{
    backend: TrainerBackendName;
    adapter?: AdapterInfo;
  }>;
  startHelper?: RunEnv['startHelper'];
  /** What this host could train on (a window answers for its GPU backends). */
  probe?: (allowSoftware: boolean) => Promise<BackendStatus[]>;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Serves training runs on one endpoint, one at a time: the same code on a worker thread and
 * in a trainer window. A cancel stops the loop before its next batch.
 */
export function serveTrainer(endpoint: TrainerEndpoint, host: TrainerHost): void {
  let controller: AbortController | undefined;

  async function run(start: TrainerStart, signal: AbortSignal): Promise<void> {
    const { backend, adapter } = await host.useBackend(start.settings.backend, start.allowSoftware);
    endpoint.post({ type: 'started', backend, adapter });
    const settings = { ...start.settings, backend };
    // WebGL exists only in a window, which has no helper threads; runTraining skips them on WebGPU.
    const runBackend: BackendName = backend === 'webgl' ? 'webgpu' : backend;
    const outcome = await runTraining(
      start.data,
      start.kind,
      settings,
      start.resume,
      { backend: runBackend, startHelper: host.startHelper },
      {
        signal,
        onBatch: (progress) => endpoint.post({ type: 'batch', progress }),
        onEpoch: async (progress, live) => {
          const snapshot = {
            weights: await readWeights(live.model),
            optimizer: await readOptimizer(live.optimizer),
            state: structuredClone(live.state),
          };
          endpoint.post({ type: 'epoch', progress, snapshot });
        },
      },
    );
    let weights;
    try {
      weights = outcome.status === 'completed' ? await readWeights(outcome.model) : undefined;
    } finally {
      // Freed before 'done' goes out: the engine may end this thread as soon as it reads it, and
      // a GPU buffer released while a thread is being terminated takes the process down (Dawn).
      outcome.model.dispose();
    }
    endpoint.post({ type: 'done', status: outcome.status, weights, state: outcome.state });
  }

  endpoint.onMessage((msg) => {
    if (msg.type === 'cancel') {
      controller?.abort();
      return;
    }
    if (msg.type === 'probe') {
      void (host.probe?.(msg.allowSoftware) ?? Promise.resolve([])).then((statuses) =>
        endpoint.post({ type: 'probed', statuses }),
      );
      return;
    }
    if (msg.type !== 'start') return;
    if (controller) {
      endpoint.post({ type: 'failed', message: TRAINER_ERRORS.busy });
      return;
    }
    const current = new AbortController();
    controller = current;
    run(msg, current.signal)
      .catch((error: unknown) => {
        if (current.signal.aborted) {
          endpoint.post({ type: 'done', status: 'cancelled', state: { epochsDone: 0, step: 0, history: [] } });
        } else endpoint.post({ type: 'failed', message: message(error) || TRAIN_ERRORS.diverged });
      })
      .finally(() => {
        controller = undefined;
      });
  });
}

import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BackendName } from '../../../shared/types/backend';
import type { ModelConfig } from '../../models/types';
import type { GradientReply, GradientRequest, WorkerInit } from './protocol';
import { TRAINING_NICE } from '../thread-priority';
import { workerEntry } from '../worker-entry';

export const PARALLEL_ERRORS = {
  workerFailed: (why: string) => `the second training thread failed: ${why}`,
} as const;

type Grads = Extract<GradientReply, { kind: 'grads' }>;

/** The calling thread's nice value on Linux (pid 0 names it); the training nice where unknown. */
function currentThreadNice(): number {
  if (process.platform !== 'linux') return TRAINING_NICE;
  try {
    return getPriority(0);
  } catch {
    return TRAINING_NICE;
  }
}

/** The main thread's side of data-parallel training: one worker computing half of each batch. */
export class GradientHelper {
  private waiting: { resolve(reply: Grads): void; reject(error: Error): void } | undefined;

  private constructor(private readonly worker: Worker) {
    worker.on('message', (reply: GradientReply) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      if (reply.kind === 'grads') waiting?.resolve(reply);
      else if (reply.kind === 'failed') waiting?.reject(new Error(PARALLEL_ERRORS.workerFailed(reply.message)));
    });
    worker.on('error', (error) => {
      this.waiting?.reject(new Error(PARALLEL_ERRORS.workerFailed(error.message), { cause: error }));
      this.waiting = undefined;
    });
  }

  /** Starts the worker with its own copy of the model; undefined if it cannot start here. */
  static async start(config: ModelConfig, backend: BackendName): Promise<GradientHelper | undefined> {
    let worker: Worker;
    try {
      worker = new Worker(workerEntry('gradient-worker', new URL('./worker-source.mjs', import.meta.url)));
    } catch {
      return undefined;
    }
    const ready = await new Promise<boolean>((resolve) => {
      worker.once('message', (reply: GradientReply) => resolve(reply.kind === 'ready'));
      worker.once('error', () => resolve(false));
      worker.postMessage({ kind: 'init', config, backend, nice: currentThreadNice() } satisfies WorkerInit);
    });
    if (!ready) {
      await worker.terminate();
      return undefined;
    }
    return new GradientHelper(worker);
  }

  step(request: Omit<GradientRequest, 'kind'>): Promise<Grads> {
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      this.worker.postMessage({ kind: 'step', ...request });
    });
  }

  async dispose(): Promise<void> {
    await this.worker.terminate();
  }
}

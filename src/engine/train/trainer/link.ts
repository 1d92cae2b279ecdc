import { Worker } from 'node:worker_threads';
import { TRAINER_ERRORS, type FromTrainer, type ToTrainer } from './protocol';
import type { TrainerThreadData } from './thread';
import { workerEntry } from '../worker-entry';

/** The engine's side of a trainer: a worker thread, or a port to a trainer window. */
export interface TrainerLink {
  post(message: ToTrainer): void;
  onMessage(handler: (message: FromTrainer) => void): void;
  /** The trainer went away without finishing; `why` says how (its thread died, its window crashed). */
  onLost(handler: (why: string) => void): void;
  close(): Promise<void>;
}

/** A trainer on a new worker thread of this process, for one run. */
export function threadTrainer(data: TrainerThreadData = {}): TrainerLink {
  const worker = new Worker(workerEntry('trainer-thread', new URL('./thread-source.mjs', import.meta.url)), {
    workerData: data,
  });
  let closing = false;
  return {
    post: (message) => worker.postMessage(message),
    onMessage: (handler) => worker.on('message', handler),
    onLost(handler) {
      worker.on('error', (error) => handler(TRAINER_ERRORS.threadFailed(error.message)));
      worker.on('exit', (code) => {
        if (!closing) handler(TRAINER_ERRORS.threadExited(code));
      });
    },
    async close() {
      closing = true;
      await worker.terminate();
    },
  };
}

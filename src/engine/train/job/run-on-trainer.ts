import type { AdapterInfo, TrainerBackendName } from '../../../shared/types/backend';
import type { BatchProgress, EpochProgress } from '../progress';
import type { TrainerLink } from '../trainer/link';
import { TRAINER_ERRORS, type FromTrainer, type TrainerSnapshot, type TrainerStart } from '../trainer/protocol';

export interface RemoteHooks {
  onStarted?: (backend: TrainerBackendName, adapter?: AdapterInfo) => void;
  onBatch?: (progress: BatchProgress) => void;
  /** Awaited in order: the engine writes the epoch's checkpoint here. */
  onEpoch?: (progress: EpochProgress, snapshot: TrainerSnapshot) => Promise<void>;
  signal?: AbortSignal;
}

export type RemoteOutcome = Extract<FromTrainer, { type: 'done' }> & { backend: TrainerBackendName };

/**
 * Runs one training run on a trainer and resolves when it is done. Messages are handled one
 * after another (an epoch's checkpoint is written before the next message is looked at), and
 * an abort asks the trainer to stop before its next batch.
 */
export function runOnTrainer(link: TrainerLink, start: TrainerStart, hooks: RemoteHooks = {}): Promise<RemoteOutcome> {
  return new Promise((resolve, reject) => {
    let backend: TrainerBackendName | undefined;
    // Epochs whose checkpoint the engine has written: what a lost trainer leaves of the run.
    let epochsDone = start.resume?.state.epochsDone ?? 0;
    let settled = false;
    let queue = Promise.resolve();
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const handle = async (message: FromTrainer) => {
      switch (message.type) {
        case 'started':
          backend = message.backend;
          hooks.onStarted?.(message.backend, message.adapter);
          return;
        case 'batch':
          hooks.onBatch?.(message.progress);
          return;
        case 'epoch':
          await hooks.onEpoch?.(message.progress, message.snapshot);
          epochsDone = message.snapshot.state.epochsDone;
          return;
        case 'done':
          settled = true;
          resolve({ ...message, backend: backend ?? start.settings.backend ?? 'cpu' });
          return;
        case 'failed':
          fail(new Error(message.message));
      }
    };
    link.onMessage((message) => {
      queue = queue.then(() => (settled ? undefined : handle(message))).catch(fail);
    });
    link.onLost((why) => {
      queue = queue.then(() => fail(new Error(TRAINER_ERRORS.stopped(why, epochsDone))));
    });
    const cancel = () => link.post({ type: 'cancel' });
    if (hooks.signal?.aborted) cancel();
    else hooks.signal?.addEventListener('abort', cancel, { once: true });
    link.post(start);
  });
}

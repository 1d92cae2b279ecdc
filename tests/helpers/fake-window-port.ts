import type { BackendStatus } from '../../src/shared/types/backend';
import { serveTrainer } from '../../src/engine/train/trainer/serve';
import type { FromTrainer, ToTrainer } from '../../src/engine/train/trainer/protocol';
import type { TrainerPort } from '../../src/engine/train/trainer/providers';
import { tf } from './tf';

export interface FakeWindowPort extends TrainerPort {
  /** Start messages that reached the port (and so the page). */
  starts: number;
  /** The window's renderer goes: nothing more comes through, and the port closes from afar. */
  die(): void;
}

/**
 * An engine-side MessagePortMain look-alike wired to a trainer core playing the trainer window
 * (on tfjs's cpu backend, calling itself webgl): messages are structured-cloned, as they are
 * between processes.
 */
export function fakeWindowPort(probed: BackendStatus[] = [{ name: 'webgl', available: true }]): FakeWindowPort {
  const engineListeners: Array<(event: { data: unknown }) => void> = [];
  const closeListeners: Array<() => void> = [];
  let windowHandler: ((message: ToTrainer) => void) | undefined;
  let dead = false;
  serveTrainer(
    {
      post: (message: FromTrainer) =>
        queueMicrotask(() => {
          if (!dead) engineListeners.forEach((l) => l({ data: structuredClone(message) }));
        }),
      onMessage: (handler) => (windowHandler = handler),
    },
    {
      useBackend: async () => {
        await tf.setBackend('cpu');
        return { backend: 'webgl' };
      },
      probe: async () => probed,
    },
  );
  const port: FakeWindowPort = {
    starts: 0,
    postMessage: (message: unknown) => {
      if ((message as ToTrainer).type === 'start') port.starts += 1;
      queueMicrotask(() => {
        if (!dead) windowHandler?.(structuredClone(message) as ToTrainer);
      });
    },
    on: ((event: 'message' | 'close', listener: never) => {
      if (event === 'message') engineListeners.push(listener);
      else closeListeners.push(listener);
    }) as TrainerPort['on'],
    start: () => {},
    close: () => closeListeners.forEach((l) => l()),
    die: () => {
      // The run in the page stops for good, as it does with its renderer.
      windowHandler?.({ type: 'cancel' });
      dead = true;
      closeListeners.forEach((l) => l());
    },
  };
  return port;
}

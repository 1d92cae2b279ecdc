import { EngineSupervisor } from '../../src/host/supervisor';
import type { EventName } from '../../src/shared/contract/index';
import type { FromEngine } from '../../src/shared/engine-protocol';
import { tempDir } from './temp-folder';

/**
 * An engine process the test drives: it holds every request until `release()`, then answers
 * each with `reply`, and counts how many it held at once, which is what the engine's memory
 * follows. Events are posted with `emit`. The supervisor in front of it is the real one.
 */
export function scriptedEngine(reply: unknown) {
  let post: (message: FromEngine) => void = () => {};
  let open = false;
  const held: number[] = [];
  const counts = { received: 0, pending: 0, peak: 0 };
  const answer = (id: number) => {
    counts.pending--;
    post({ kind: 'response', id, envelope: { ok: true, value: reply } });
  };
  const supervisor = new EngineSupervisor(
    () => ({
      pid: undefined,
      send(message) {
        if (message.kind === 'init') {
          queueMicrotask(() => post({ kind: 'ready', backend: { backend: 'cpu', tfBackend: 'cpu', statuses: [] } }));
          return;
        }
        if (message.kind !== 'request') return;
        counts.received++;
        counts.pending++;
        counts.peak = Math.max(counts.peak, counts.pending);
        if (open) setImmediate(() => answer(message.id));
        else held.push(message.id);
      },
      onMessage(listener) {
        post = listener;
      },
      onExit() {},
      kill() {},
    }),
    { dataHome: tempDir('scripted'), resourcesDir: tempDir('scripted-resources') },
  );
  supervisor.start();
  return {
    supervisor,
    counts,
    /** Answers what is held and every later request at once. */
    release() {
      open = true;
      for (const id of held.splice(0)) answer(id);
    },
    emit(name: EventName, payload: unknown) {
      post({ kind: 'event', name, payload });
    },
  };
}

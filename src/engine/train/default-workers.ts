import { availableParallelism, loadavg } from 'node:os';
import { isConvolutional, type ModelKind } from '../models/types';

/** What the default depends on: logical cores, and how many of them are busy (1-minute load). */
export interface MachineLoad {
  cores: number;
  load: number;
}

function machineLoad(): MachineLoad {
  // loadavg() is [0, 0, 0] where the OS has none (Windows): the core count alone decides there.
  return { cores: availableParallelism(), load: loadavg()[0] };
}

/**
 * Two threads only where they pay, as measured with bench/train (`workers` rows):
 * - conv models, when about two cores are free (cores − 1-minute load ≥ 1.5: one for each
 *   thread): a half batch takes about half the time,
 *   1.3–1.6× faster overall on an idle 2-core machine; on a busy one the two threads share the
 *   same cores and a step took 1.7–1.9× longer (conv-ae 383 → 201 samples/s, conv-vae 42 → 25).
 * - MLP kinds stay on one thread: two were slower in every run we could make (0.46–0.92×),
 *   their step being small enough that the exchange and the wait for the slower half dominate.
 */
export function defaultWorkers(kind: ModelKind, machine: MachineLoad = machineLoad()): number {
  const freeCores = machine.cores - machine.load;
  return isConvolutional(kind) && machine.cores >= 2 && freeCores >= 1.5 ? 2 : 1;
}

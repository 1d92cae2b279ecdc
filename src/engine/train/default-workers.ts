import { availableParallelism } from 'node:os';
import { isConvolutional, type ModelKind } from '../models/types';

/**
 * Two threads only where they pay, as measured with bench/train (`workers` rows):
 * - conv models on a machine with a second core: a half batch takes about half the time,
 *   1.3–1.6× faster overall on an idle 2-core machine.
 * - MLP kinds stay on one thread: two were slower in every run we could make (0.46–0.92×),
 *   their step being small enough that the exchange and the wait for the slower half dominate.
 * The default depends on the cores alone, not on the momentary load: a run keeps its choice for
 * hours, the load at its start says little about them, and the studio's own work (drawing,
 * inference) is part of that load. On a machine busy with other programs, two conv threads
 * were measured slower (1.7–1.9× per step); a person can choose one thread in the Train view.
 */
export function defaultWorkers(kind: ModelKind, cores: number = availableParallelism()): number {
  return isConvolutional(kind) && cores >= 2 ? 2 : 1;
}

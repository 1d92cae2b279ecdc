import type { DataProblem } from '../drawing.types';
import { openDataFile } from './open';

/** All labels of an IDX labels file (one byte each). */
export async function readIdxLabelsFile(
  path: string,
  problems: DataProblem[],
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const file = await openDataFile(path, { signal });
  const labels: number[] = [];
  for await (const batch of file.batches()) {
    for (const r of batch) if (r.kind === 'label') labels.push(r.label);
  }
  problems.push(...file.problems);
  return Uint8Array.from(labels);
}

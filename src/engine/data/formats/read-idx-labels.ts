import type { DataProblem } from '../drawing.types';
import { DataErrors, DataFileError } from '../errors';
import { siblingLabelsPath } from '../labels';
import { openDataFile } from './open';
import { addProblem, mergeProblems } from './parse-context';

/**
 * The labels of the IDX labels file beside an images file, or undefined when there is none
 * or it is something else (an images file named like labels is reported, not read as labels).
 * Its problems are added to `problems`, which stays bounded.
 */
export async function readSiblingLabels(
  imagesPath: string,
  problems: DataProblem[],
  signal?: AbortSignal,
): Promise<Uint8Array | undefined> {
  const path = siblingLabelsPath(imagesPath);
  if (!path) return undefined;
  let file;
  try {
    file = await openDataFile(path, { signal });
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    addProblem(problems, { file: path, message: error.message, recordIndex: 0, byteOffset: error.byteOffset });
    return undefined;
  }
  if (file.format !== 'idx-labels') {
    await file.close();
    addProblem(problems, {
      file: imagesPath,
      message: DataErrors.labelsNotLabels(path),
      recordIndex: 0,
      byteOffset: 0,
    });
    return undefined;
  }
  const labels = new Uint8Array(file.declaredCount ?? 0);
  let count = 0;
  for await (const batch of file.batches()) {
    for (const r of batch) if (r.kind === 'label') labels[count++] = r.label;
  }
  mergeProblems(problems, file.problems);
  return count === labels.length ? labels : labels.slice(0, count);
}

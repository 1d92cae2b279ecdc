import type { DataProblem, DataRecord } from '../drawing.types';
import { DataErrors } from '../errors';

/** What every format parser shares: where to put problems and when to stop. */
export interface ParseContext {
  file: string;
  problems: DataProblem[];
  /** Stop after this many good records (the rest of the file is not read). */
  limit?: number;
}

/** Parsers yield batches (one per chunk) so a record costs no await of its own. */
export type RecordBatches<T extends DataRecord = DataRecord> = AsyncGenerator<T[]>;

/**
 * Problems kept per list. A file of millions of bad lines must not take memory, time or a
 * report in proportion: the first ones are listed, the rest are counted in one summary entry.
 */
export const MAX_PROBLEMS_KEPT = 100;

/**
 * Adds a problem to a bounded list: the first MAX_PROBLEMS_KEPT are kept as they are, every
 * later one only raises the `omitted` count of one last summary entry (at the first omitted
 * record, so a reader knows where the listing stops).
 */
export function addProblem(list: DataProblem[], item: DataProblem): void {
  const last = list.length > 0 ? list[list.length - 1] : undefined;
  const summary = last?.omitted !== undefined ? last : undefined;
  if (!summary && item.omitted === undefined && list.length < MAX_PROBLEMS_KEPT) {
    list.push(item);
    return;
  }
  const weight = item.omitted ?? 1;
  if (summary?.omitted !== undefined) {
    summary.omitted += weight;
    summary.message = DataErrors.moreProblems(summary.omitted);
    return;
  }
  const entry: DataProblem = {
    file: item.file,
    message: DataErrors.moreProblems(weight),
    recordIndex: item.recordIndex,
    byteOffset: item.byteOffset,
    omitted: weight,
  };
  if (item.line !== undefined) entry.line = item.line;
  list.push(entry);
}

/** Appends one bounded list to another without spreading it (a spread of 10⁵ items overflows the stack). */
export function mergeProblems(target: DataProblem[], source: readonly DataProblem[]): void {
  for (const item of source) addProblem(target, item);
}

/** How many problems a bounded list stands for, the omitted ones included. */
export function problemCount(list: readonly DataProblem[]): number {
  let n = 0;
  for (const item of list) n += item.omitted ?? 1;
  return n;
}

export function problem(
  ctx: ParseContext,
  message: string,
  recordIndex: number,
  byteOffset: number,
  line?: number,
): void {
  addProblem(
    ctx.problems,
    line === undefined
      ? { file: ctx.file, message, recordIndex, byteOffset }
      : { file: ctx.file, message, recordIndex, byteOffset, line },
  );
}

import type { DataProblem, DataRecord } from '../drawing.types';

/** What every format parser shares: where to put problems and when to stop. */
export interface ParseContext {
  file: string;
  problems: DataProblem[];
  /** Stop after this many good records (the rest of the file is not read). */
  limit?: number;
}

/** Parsers yield batches (one per chunk) so a record costs no await of its own. */
export type RecordBatches<T extends DataRecord = DataRecord> = AsyncGenerator<T[]>;

export function problem(
  ctx: ParseContext,
  message: string,
  recordIndex: number,
  byteOffset: number,
  line?: number,
): void {
  ctx.problems.push(
    line === undefined
      ? { file: ctx.file, message, recordIndex, byteOffset }
      : { file: ctx.file, message, recordIndex, byteOffset, line },
  );
}

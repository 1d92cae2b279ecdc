import { expect } from 'vitest';
import { DataFileError } from '../../../src/engine/data/errors';
import { openDataFile, type OpenOptions } from '../../../src/engine/data/formats/open';
import type {
  DataProblem,
  DataRecord,
  DrawingRecord,
  FormatName,
  ImageRecord,
} from '../../../src/engine/data/drawing.types';

/** Test helper: every record and problem of a file. */
export async function readAll(
  path: string,
  options: OpenOptions = {},
): Promise<{ format: FormatName; records: DataRecord[]; problems: DataProblem[] }> {
  const file = await openDataFile(path, options);
  const records: DataRecord[] = [];
  for await (const r of file.records()) records.push(r);
  return { format: file.format, records, problems: file.problems };
}

export const drawings = (records: DataRecord[]): DrawingRecord[] =>
  records.filter((r): r is DrawingRecord => r.kind === 'drawing');
export const images = (records: DataRecord[]): ImageRecord[] =>
  records.filter((r): r is ImageRecord => r.kind === 'image');

/** Test helper: the error reading a file ends in; the test fails if the file reads cleanly. */
export async function refusal(path: string): Promise<DataFileError> {
  try {
    await readAll(path);
  } catch (error) {
    expect(error).toBeInstanceOf(DataFileError);
    return error as DataFileError;
  }
  throw new Error(`expected ${path} to be refused`);
}

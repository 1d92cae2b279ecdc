import type { DataProblem, FormatName } from './drawing.types';
import { DataFileError } from './errors';
import { openDataFile } from './formats/open';
import { categoryFromFileName } from './labels';

export interface FileSummary {
  path: string;
  format: FormatName;
  gzip: boolean;
  /** Complete drawing records (vector formats). */
  drawings: number;
  /** Complete bitmap records (npy, IDX images). */
  images: number;
  /** Labels (IDX labels file). */
  labels: number;
  strokes: number;
  points: number;
  /** Category → count (the drawing's word, the IDX label, or the file's name). */
  categories: Record<string, number>;
  recognized: number;
  countries: Record<string, number>;
  /** True when the whole file was read without a single problem. */
  complete: boolean;
  problems: DataProblem[];
}

/** Reads a whole file (streaming) and summarises it; unreadable files give a summary too. */
export async function inspectFile(path: string, options: { signal?: AbortSignal } = {}): Promise<FileSummary> {
  const summary: FileSummary = {
    path,
    format: 'unknown',
    gzip: false,
    drawings: 0,
    images: 0,
    labels: 0,
    strokes: 0,
    points: 0,
    categories: {},
    recognized: 0,
    countries: {},
    complete: false,
    problems: [],
  };
  const bump = (map: Record<string, number>, key: string) => {
    map[key] = (map[key] ?? 0) + 1;
  };
  let file;
  try {
    file = await openDataFile(path, { signal: options.signal, normalizeRaw: false });
  } catch (error) {
    if (!(error instanceof DataFileError)) throw error;
    summary.problems.push({ file: path, message: error.message, recordIndex: 0, byteOffset: error.byteOffset });
    return summary;
  }
  summary.gzip = file.gzip;
  const fileCategory = categoryFromFileName(path);
  for await (const batch of file.batches()) {
    for (const r of batch) {
      if (r.kind === 'drawing') {
        summary.drawings++;
        summary.strokes += r.strokes.length;
        for (const s of r.strokes) summary.points += s.x.length;
        bump(summary.categories, r.word ?? fileCategory);
        if (r.recognized) summary.recognized++;
        if (r.countryCode) bump(summary.countries, r.countryCode);
      } else if (r.kind === 'image') {
        summary.images++;
        bump(summary.categories, r.label === undefined ? fileCategory : String(r.label));
      } else {
        summary.labels++;
        bump(summary.categories, String(r.label));
      }
    }
  }
  summary.format = file.format;
  summary.problems = file.problems;
  summary.complete = file.problems.length === 0;
  return summary;
}

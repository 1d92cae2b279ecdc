import { basename } from 'node:path';
import { problemCount, type DataProblem, type DatasetManifest, type FileImportResult } from '../data/index';
import type { DatasetInfo, DataProblemView, FileImportView } from '../../shared/contract/datasets';

/** A file's problems beyond this many are summarised: the UI lists them, it does not page them. */
export const MAX_PROBLEMS_PER_FILE = 100;

/** Messages may carry a host path (uploads live in a temp folder): show the person's file name instead. */
function withName(message: string, path: string, name: string): string {
  return message.split(path).join(name);
}

function problemView(problem: DataProblem, path: string, name: string): DataProblemView {
  return {
    message: withName(problem.message, path, name),
    recordIndex: problem.recordIndex,
    byteOffset: problem.byteOffset,
    ...(problem.line !== undefined ? { line: problem.line } : {}),
  };
}

export function fileImportView(result: FileImportResult, name: string): FileImportView {
  // The data layer lists at most 100 per file and counts the rest in a summary entry (omitted).
  const listed = result.problems.filter((p) => p.omitted === undefined).slice(0, MAX_PROBLEMS_PER_FILE);
  const problems = listed.map((p) => problemView(p, result.path, name));
  const more = problemCount(result.problems) - problems.length;
  if (more > 0) problems.push({ message: `…and ${more} more problems`, recordIndex: -1, byteOffset: -1 });
  return {
    name,
    format: result.format,
    read: result.read,
    added: result.added,
    duplicates: result.duplicates,
    problems,
  };
}

export function datasetInfo(manifest: DatasetManifest): DatasetInfo {
  return {
    id: manifest.id,
    name: manifest.name,
    createdAt: manifest.createdAt,
    count: manifest.count,
    strokeCount: manifest.strokeCount,
    categories: manifest.categories,
    categoryCounts: manifest.categoryCounts,
    // Only the file name: a dataset's sources may be temp upload paths that mean nothing later.
    sources: manifest.sources.map((source) => ({
      name: basename(source.path),
      format: source.format,
      added: source.added,
    })),
  };
}

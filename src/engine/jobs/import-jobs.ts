import { randomBytes } from 'node:crypto';
import { DatasetStore, importFiles } from '../data/index';
import type { ImportOutcome, ImportProgressEvent } from '../../shared/contract/datasets';
import type { Emit } from '../context';
import { datasetInfo, fileImportView } from './dataset-views';

export const IMPORT_ERRORS = {
  busy: 'an import is already running: wait for it or cancel it first',
  namesMismatch: 'every imported file needs a display name',
} as const;

/** Progress events are throttled: a fast import reads thousands of batches per second. */
const PROGRESS_INTERVAL_MS = 100;

export interface ImportRequest {
  paths: string[];
  names: string[];
  category?: string;
  limit?: number;
  name?: string;
}

/** One import at a time, cancellable, reporting progress as 'datasets:import-progress' events. */
export class ImportJobs {
  private running: AbortController | undefined;

  constructor(
    private readonly store: DatasetStore,
    private readonly emit: Emit,
  ) {}

  get busy(): boolean {
    return this.running !== undefined;
  }

  async run(request: ImportRequest): Promise<ImportOutcome> {
    if (this.running) throw new Error(IMPORT_ERRORS.busy);
    if (request.names.length !== request.paths.length) throw new Error(IMPORT_ERRORS.namesMismatch);
    const controller = new AbortController();
    this.running = controller;
    const jobId = `imp-${randomBytes(4).toString('hex')}`;
    const nameOf = new Map(request.paths.map((path, i) => [path, request.names[i]]));
    let last = 0;
    try {
      const result = await importFiles(this.store, request.paths, {
        category: request.category?.trim() || undefined,
        limit: request.limit,
        datasetName: request.name?.trim() || defaultDatasetName(request.names),
        signal: controller.signal,
        onProgress: (progress) => {
          const now = Date.now();
          if (now - last < PROGRESS_INTERVAL_MS) return;
          last = now;
          const event: ImportProgressEvent = {
            jobId,
            name: nameOf.get(progress.path) ?? '',
            fileIndex: progress.fileIndex,
            fileCount: progress.fileCount,
            read: progress.read,
            added: progress.added,
            fraction: progress.fileIndex / Math.max(1, progress.fileCount),
          };
          this.emit('datasets:import-progress', event);
        },
      });
      return {
        dataset: result.dataset ? datasetInfo(result.dataset) : null,
        files: result.files.map((file) => fileImportView(file, nameOf.get(file.path) ?? file.path)),
      };
    } finally {
      this.running = undefined;
    }
  }

  cancel(): boolean {
    if (!this.running) return false;
    this.running.abort();
    return true;
  }
}

/**
 * One file: its name without extensions ("cat", "t10k-images-idx3-ubyte"), which says more
 * than a list of ten digit classes. Several files: left to the data layer (their categories).
 */
export function defaultDatasetName(names: readonly string[]): string | undefined {
  if (names.length !== 1) return undefined;
  return names[0].replace(/(\.gz)?$/, '').replace(/\.(ndjson|bin|npy)$/, '') || undefined;
}

import { channel } from './define';
import { s } from './schema';

/** Limits on what a caller may ask of the import path (see DESIGN.md: the engine trusts no caller). */
export const DATASET_LIMITS = {
  filesPerImport: 32,
  path: 4096,
  name: 120,
  fileName: 255,
  category: 120,
  maxItems: 10_000_000,
  previewItems: 200,
  uploadFileBytes: 2 * 1024 ** 3,
  /** One chunk stays well under the WebSocket's 64 MB message cap once base64-encoded. */
  uploadChunkBytes: 8 * 1024 * 1024,
} as const;

export const DATASET_ID_PATTERN = /^ds-[a-z0-9-]{1,60}$/;
/** Ids the host hands out for files a person picked (dialog) or uploaded (browser mode). */
export const FILE_REF_PATTERN = /^f-[a-z0-9]{8,40}$/;
export const UPLOAD_ID_PATTERN = /^up-[a-z0-9]{8,40}$/;

export interface DataProblemView {
  message: string;
  recordIndex: number;
  byteOffset: number;
  line?: number;
}

export interface FileImportView {
  /** The file's name as the person knows it (never a full path from another machine). */
  name: string;
  format: string;
  read: number;
  added: number;
  duplicates: number;
  problems: DataProblemView[];
}

export interface DatasetInfo {
  id: string;
  name: string;
  createdAt: string;
  count: number;
  strokeCount: number;
  categories: string[];
  categoryCounts: number[];
  sources: Array<{ name: string; format: string; added: number }>;
}

export interface ImportOutcome {
  /** null when nothing could be read: no dataset was created and earlier ones are untouched. */
  dataset: DatasetInfo | null;
  files: FileImportView[];
}

export interface ImportProgressEvent {
  jobId: string;
  name: string;
  fileIndex: number;
  fileCount: number;
  read: number;
  added: number;
  /** 0–1 when the file size is known. */
  fraction?: number;
}

export interface PreviewItem {
  index: number;
  category: string;
  /** 28×28 bytes, 0 = background. */
  pixels: Uint8Array;
}

/** A file the host accepted (picked in a dialog or uploaded): the renderer only ever holds its id. */
export interface PickedFile {
  id: string;
  name: string;
  size: number;
}

const importOptions = {
  category: s.optional(s.string(DATASET_LIMITS.category)),
  limit: s.optional(s.integer(1, DATASET_LIMITS.maxItems)),
  name: s.optional(s.string(DATASET_LIMITS.name)),
};

export const datasetsChannels = {
  'datasets:list': channel('engine', s.object({}), s.trusted<DatasetInfo[]>()),
  /** Host channel: files are named by the ids the dialog or the upload returned, never by path. */
  'datasets:import': channel(
    'host',
    s.object({ files: s.array(s.string(64, FILE_REF_PATTERN), DATASET_LIMITS.filesPerImport), ...importOptions }),
    s.trusted<ImportOutcome>(),
  ),
  /** Internal: the host calls it with paths it resolved itself; routers refuse it from the renderer. */
  'datasets:import-paths': channel(
    'engine',
    s.object({
      paths: s.array(s.string(DATASET_LIMITS.path), DATASET_LIMITS.filesPerImport),
      names: s.array(s.string(DATASET_LIMITS.path), DATASET_LIMITS.filesPerImport),
      ...importOptions,
    }),
    s.trusted<ImportOutcome>(),
  ),
  'datasets:cancel-import': channel('engine', s.object({}), s.trusted<{ cancelled: boolean }>()),
  'datasets:rename': channel(
    'engine',
    s.object({ id: s.string(64, DATASET_ID_PATTERN), name: s.string(DATASET_LIMITS.name) }),
    s.trusted<DatasetInfo>(),
  ),
  'datasets:delete': channel(
    'engine',
    s.object({ id: s.string(64, DATASET_ID_PATTERN) }),
    s.trusted<{ deleted: string }>(),
  ),
  'datasets:preview': channel(
    'engine',
    s.object({ id: s.string(64, DATASET_ID_PATTERN), count: s.integer(1, DATASET_LIMITS.previewItems) }),
    s.trusted<PreviewItem[]>(),
  ),
  /** Electron: the open-file dialog. Browser mode answers with an error (it uploads instead). */
  'dialog:open-data-files': channel('host', s.object({}), s.trusted<PickedFile[]>()),
  /** Browser mode: a picked file's bytes arrive in chunks into a temp folder in the data home. */
  'uploads:begin': channel(
    'host',
    s.object({
      files: s.array(
        s.object({ name: s.string(DATASET_LIMITS.fileName), size: s.integer(0, DATASET_LIMITS.uploadFileBytes) }),
        DATASET_LIMITS.filesPerImport,
      ),
    }),
    s.trusted<{ uploadId: string }>(),
  ),
  'uploads:chunk': channel(
    'host',
    s.object({
      uploadId: s.string(64, UPLOAD_ID_PATTERN),
      file: s.integer(0, DATASET_LIMITS.filesPerImport - 1),
      offset: s.integer(0, DATASET_LIMITS.uploadFileBytes),
      bytes: s.uint8Array(DATASET_LIMITS.uploadChunkBytes),
    }),
    s.trusted<{ received: number }>(),
  ),
  'uploads:finish': channel('host', s.object({ uploadId: s.string(64, UPLOAD_ID_PATTERN) }), s.trusted<PickedFile[]>()),
} as const;

export const datasetsEvents = {
  'datasets:import-progress': s.trusted<ImportProgressEvent>(),
} as const;

/** Engine channels that only a host may call (it resolves ids to paths first). */
export const INTERNAL_CHANNELS: readonly string[] = ['datasets:import-paths'];

import type { DataProblem, FormatName } from '../drawing.types';

export const MANIFEST_VERSION = 1;

/** File names inside a dataset folder. */
export const DATASET_FILES = {
  manifest: 'manifest.json',
  /** Every item as a Quick, Draw! binary record; bitmap-only items have 0 strokes. */
  drawings: 'drawings.bin',
  /** count × 784 bytes: the quickdraw28 raster (or the source bitmap) of every item. */
  raster28: 'raster28.u8',
  /** count × int32 LE: index into manifest.categories. */
  labels: 'labels.i32',
} as const;

export interface DatasetSource {
  path: string;
  format: FormatName;
  added: number;
}

export interface DatasetManifest {
  version: number;
  id: string;
  name: string;
  createdAt: string;
  count: number;
  /** Items with strokes (the rest are bitmaps only). */
  strokeCount: number;
  categories: string[];
  categoryCounts: number[];
  recognizedCount: number;
  countries: Record<string, number>;
  sources: DatasetSource[];
  /** The split loadTrainingData uses unless told otherwise. */
  split: { seed: number; validationShare: number };
}

export interface DatasetPreviewItem {
  index: number;
  category: string;
  /** 28×28 bytes, 0 = background. */
  pixels: Uint8Array;
}

export interface FileImportResult {
  path: string;
  format: FormatName | 'unreadable';
  /** Good records read from the file. */
  read: number;
  added: number;
  duplicates: number;
  problems: DataProblem[];
}

export interface ImportProgress {
  path: string;
  fileIndex: number;
  fileCount: number;
  read: number;
  added: number;
}

export interface ImportOptions {
  /** Label for every item (otherwise: the drawing's word, IDX labels, or the file's name). */
  category?: string;
  /** Stop after this many items in all. */
  limit?: number;
  datasetName?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

export interface ImportResult {
  /** null when nothing could be read (no dataset is created then). */
  dataset: DatasetManifest | null;
  files: FileImportResult[];
}

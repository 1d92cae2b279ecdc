import type { Stroke } from '../../shared/types/drawing';

/** A vector drawing read from any Quick, Draw! format (or made on the canvas). */
export interface DrawingRecord {
  kind: 'drawing';
  /** Position of the record in its file, from 0, counting every record seen (good or bad). */
  index: number;
  /** Byte offset of the record's first byte in the (decompressed) file. */
  byteOffset: number;
  /** u64 in the binary format: kept as a decimal string because it exceeds Number's range. */
  keyId?: string;
  countryCode?: string;
  recognized?: boolean;
  /** Unix seconds (binary) or the NDJSON string, as the file gave it. */
  timestamp?: number | string;
  word?: string;
  strokes: Stroke[];
}

/** A 28×28 uint8 bitmap record (numpy bitmaps, IDX). 0 = background, 255 = ink. */
export interface ImageRecord {
  kind: 'image';
  index: number;
  byteOffset: number;
  width: number;
  height: number;
  pixels: Uint8Array;
  label?: number;
}

/** One label of an IDX labels file read on its own. */
export interface LabelRecord {
  kind: 'label';
  index: number;
  byteOffset: number;
  label: number;
}

export type DataRecord = DrawingRecord | ImageRecord | LabelRecord;

export type FormatName =
  | 'quickdraw-bin'
  | 'quickdraw-ndjson-simplified'
  | 'quickdraw-ndjson-raw'
  | 'npy-bitmap'
  | 'idx-images'
  | 'idx-labels'
  | 'unknown';

/** A problem found while reading: collected, not thrown, where the file can continue. */
export interface DataProblem {
  file: string;
  message: string;
  /** Index of the record the problem belongs to (the next record's index when between records). */
  recordIndex: number;
  byteOffset: number;
  /** 1-based line number, NDJSON only. */
  line?: number;
  /**
   * Set only on the summary entry that ends a capped list: how many further problems were
   * found but not listed (this entry names where the first of them was).
   */
  omitted?: number;
}

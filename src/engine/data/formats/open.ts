import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DataProblem, DataRecord, FormatName } from '../drawing.types';
import { DataErrors, DataFileError } from '../errors';
import { fileChunks, peekChunks, startsWithGzipMagic } from './byte-stream';
import {
  idxLabelRecords,
  idxMagic,
  IDX_IMAGES_MAGIC,
  IDX_LABELS_MAGIC,
  parseIdxHeader,
  parseIdxImages,
  readIdxLabelBytes,
} from './idx';
import { NPY_MAGIC, npyHeaderBytesNeeded, parseNpyBitmaps, parseNpyHeader } from './npy';
import { addProblem, type ParseContext } from './parse-context';
import { looksLikeQuickDrawBin, parseQuickDrawBin, quickDrawBinSpans, type BinSpans } from './quickdraw-bin';
import { parseQuickDrawNdjson } from './quickdraw-ndjson';

/** Enough for an NPY v1 header (≤ 64 KiB) and the first NDJSON line of most files. */
const PEEK_BYTES = 72 * 1024;

export interface OpenOptions {
  signal?: AbortSignal;
  /** Stop after this many good records. */
  limit?: number;
  /** Raw NDJSON is normalised to 0–255 + RDP unless false. */
  normalizeRaw?: boolean;
  /** IDX images: labels (e.g. from the sibling labels file) attached by index. */
  labels?: Uint8Array;
  /** Chunk size for reads (tests use small chunks to exercise record boundaries). */
  chunkBytes?: number;
}

export interface OpenedDataFile {
  path: string;
  /** Detected from content; NDJSON becomes '…-raw' once a raw drawing is seen. */
  readonly format: FormatName;
  gzip: boolean;
  /** Rows/items the header promises (npy, IDX), when the format has one. */
  declaredCount?: number;
  /** Filled while reading; complete = no problems once batches() has finished. */
  problems: DataProblem[];
  /** Records in batches (one per chunk read). Single use. */
  batches(): AsyncGenerator<DataRecord[]>;
  /**
   * quickdraw-bin only: whole records as byte spans, without stroke objects, for
   * Rasterizer.renderBinRecord (the fast import path). Single use, instead of batches().
   */
  binSpans(): AsyncGenerator<BinSpans>;
  /** Records one by one. Single use. */
  records(): AsyncGenerator<DataRecord>;
  /** Releases the file when the caller stops early without iterating to the end. */
  close(): Promise<void>;
}

export function detectFormat(head: Buffer, path: string): FormatName {
  if (head.length >= 6 && head.subarray(0, 6).equals(NPY_MAGIC)) return 'npy-bitmap';
  const magic = idxMagic(head);
  if (magic === IDX_IMAGES_MAGIC) return 'idx-images';
  if (magic === IDX_LABELS_MAGIC) return 'idx-labels';
  // Other IDX element types (0x08–0x0e) with 1–4 dims: let the IDX reader refuse them by name.
  if (
    head.length >= 4 &&
    head[0] === 0 &&
    head[1] === 0 &&
    head[2] >= 0x08 &&
    head[2] <= 0x0e &&
    head[3] >= 1 &&
    head[3] <= 4
  ) {
    return 'idx-images';
  }
  const ext = extname(path).toLowerCase();
  const text = looksLikeNdjson(head, ext);
  // A .bin is judged by its framing only: header fields that are merely odd (recognized = 5,
  // 0 strokes) are problems of that record, reported by the reader, as they are further on.
  if (ext === '.bin') {
    if (looksLikeQuickDrawBin(head, { lenient: true })) return 'quickdraw-bin';
    if (text) return ndjsonVariant(head);
    // Too short to judge: trust the name so the reader can report the cut-off record.
    return head.length < 17 ? 'quickdraw-bin' : 'unknown';
  }
  if (text) return ndjsonVariant(head);
  if (looksLikeQuickDrawBin(head, { lenient: false })) return 'quickdraw-bin';
  return 'unknown';
}

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
const NDJSON_EXTENSIONS = new Set(['.ndjson', '.json', '.jsonl']);

/** Index of the first byte after a UTF-8 byte-order mark and leading whitespace. */
function textStart(head: Buffer): number {
  let i = head.length >= 3 && head[0] === UTF8_BOM[0] && head[1] === UTF8_BOM[1] && head[2] === UTF8_BOM[2] ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09)) i++;
  return i;
}

/**
 * NDJSON starts with '{'. A binary record can too (it is just a key_id byte), but its first
 * 17 bytes always hold control bytes (the high bytes of n_strokes and n_points) where the
 * first line of text has none. Only the first line is looked at: a NUL in a later line is
 * that line's problem, as it would be anywhere else in the file. A name saying NDJSON is
 * trusted even when the first line is damaged.
 */
function looksLikeNdjson(head: Buffer, ext: string): boolean {
  const i = textStart(head);
  if (i >= head.length || head[i] !== 0x7b) return false;
  if (NDJSON_EXTENSIONS.has(ext)) return true;
  const nl = head.indexOf(0x0a, i);
  return !hasControlBytes(head, i, nl < 0 ? Math.min(head.length, 4096) : Math.min(nl, i + 4096));
}

function ndjsonVariant(head: Buffer): FormatName {
  const i = textStart(head);
  const nl = head.indexOf(0x0a, i);
  if (nl > 0) {
    try {
      const first: unknown = JSON.parse(head.toString('utf8', i, nl));
      const drawing = (first as { drawing?: unknown[] }).drawing;
      if (Array.isArray(drawing) && Array.isArray(drawing[0]) && drawing[0].length === 3) return 'quickdraw-ndjson-raw';
    } catch {
      // a bad first line is reported by the reader, with its line number
    }
  }
  return 'quickdraw-ndjson-simplified';
}

function hasControlBytes(head: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = head[i];
    if (c < 0x09 || (c > 0x0d && c < 0x20)) return true;
  }
  return false;
}

/**
 * Opens any supported data file, detecting its format from its content (gzip is looked
 * through). Throws DataFileError when the file cannot be read at all (empty, unknown
 * format, corrupt gzip head, unsupported npy dtype/shape); anything later is a problem.
 */
export async function openDataFile(path: string, options: OpenOptions = {}): Promise<OpenedDataFile> {
  let size: number;
  try {
    const info = await stat(path);
    // A folder fails later with a bare EISDIR, and a FIFO or device never ends: refuse both by name.
    if (!info.isFile()) throw new DataFileError(DataErrors.notAFile, path);
    size = info.size;
  } catch (error) {
    if (error instanceof DataFileError) throw error;
    throw new DataFileError((error as Error).message, path, 0, { cause: error });
  }
  if (size === 0) throw new DataFileError(DataErrors.emptyFile, path);
  const gzip = await startsWithGzipMagic(path);
  const source = fileChunks(path, { gzip, signal: options.signal, chunkBytes: options.chunkBytes });
  let peeked = await peekChunks(source, PEEK_BYTES);
  let head = peeked.head;
  const closeAll = async (): Promise<void> => {
    await peeked.chunks.return(undefined);
  };
  if (head.length === 0) {
    await closeAll();
    throw new DataFileError(DataErrors.emptyFile, path);
  }
  let format = detectFormat(head, path);
  if (format === 'unknown') {
    await closeAll();
    throw new DataFileError(DataErrors.unknownFormat, path);
  }
  const problems: DataProblem[] = [];
  const ctx: ParseContext = { file: path, problems, limit: options.limit };
  let declaredCount: number | undefined;
  let parse: (chunks: AsyncGenerator<Buffer>) => AsyncGenerator<DataRecord[]>;

  if (format === 'npy-bitmap') {
    const needed = npyHeaderBytesNeeded(head);
    if (head.length < needed && needed <= 16 << 20) {
      // Rare: a header bigger than the peek; read on until it is whole.
      await closeAll();
      peeked = await peekChunks(fileChunks(path, { gzip, signal: options.signal }), needed);
      head = peeked.head;
    }
    let header;
    try {
      header = parseNpyHeader(head, path);
    } catch (error) {
      await closeAll();
      throw error;
    }
    declaredCount = header.rows;
    parse = (chunks) => parseNpyBitmaps(chunks, header, ctx);
  } else if (format === 'idx-images' || format === 'idx-labels') {
    let header;
    try {
      header = parseIdxHeader(head, path);
    } catch (error) {
      await closeAll();
      throw error;
    }
    declaredCount = header.count;
    if (header.kind === 'images') {
      parse = (chunks) => parseIdxImages(chunks, header, ctx, options.labels);
    } else {
      parse = async function* (chunks) {
        const labels = await readIdxLabelBytes(chunks, header, ctx);
        yield* idxLabelRecords(labels, header, options.limit);
      };
    }
  } else if (format === 'quickdraw-bin') {
    parse = (chunks) => parseQuickDrawBin(chunks, ctx);
  } else {
    parse = (chunks) =>
      parseQuickDrawNdjson(chunks, ctx, {
        normalizeRaw: options.normalizeRaw,
        onVariant: (raw) => {
          if (raw) format = 'quickdraw-ndjson-raw';
        },
      });
  }

  let used = false;
  /** Single use, counts bytes for problem offsets, turns a broken stream into a problem. */
  async function* guarded<T>(
    run: (chunks: AsyncGenerator<Buffer>) => AsyncGenerator<T>,
    countOf: (item: T) => number,
  ): AsyncGenerator<T> {
    if (used) throw new Error('openDataFile: records can be read only once');
    used = true;
    let seen = 0;
    let bytes = 0;
    async function* counted(): AsyncGenerator<Buffer> {
      for await (const chunk of peeked.chunks) {
        bytes += chunk.length;
        yield chunk;
      }
    }
    try {
      for await (const batch of run(counted())) {
        seen += countOf(batch);
        yield batch;
      }
    } catch (error) {
      // A stream that breaks mid-way (corrupt gzip tail, a gzip bomb) ends the file with a problem.
      if (!(error instanceof DataFileError)) throw error;
      addProblem(problems, { file: path, message: error.reason, recordIndex: seen, byteOffset: bytes });
    } finally {
      await closeAll();
    }
  }
  const batches = (): AsyncGenerator<DataRecord[]> => guarded(parse, (batch) => batch.length);
  const binSpans = (): AsyncGenerator<BinSpans> => {
    if (format !== 'quickdraw-bin') throw new Error(`binSpans() needs a quickdraw-bin file, not ${format}`);
    return guarded(
      (chunks) => quickDrawBinSpans(chunks, ctx),
      (spans) => spans.starts.length,
    );
  };
  async function* records(): AsyncGenerator<DataRecord> {
    for await (const batch of batches()) yield* batch;
  }
  return {
    path,
    get format() {
      return format;
    },
    gzip,
    declaredCount,
    problems,
    batches,
    binSpans,
    records,
    close: closeAll,
  };
}

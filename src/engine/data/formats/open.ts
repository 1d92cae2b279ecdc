import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import type { DataProblem, DataRecord, FormatName } from '../drawing.types';
import { DataErrors, DataFileError } from '../errors';
import { fileChunks, peekChunks, startsWithGzipMagic } from './byte-stream';
import { recognise, type OpenedFormat } from './formats';
import { addProblem, type ParseContext } from './parse-context';
import { quickDrawBinSpans, type BinSpans } from './quickdraw-bin';

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

/** The format of a file from its first bytes (gzip looked through) and its name. */
export function detectFormat(head: Buffer, path: string): FormatName {
  return recognise(head, extname(path).toLowerCase())?.name ?? 'unknown';
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
  const head = peeked.head;
  const closeAll = async (): Promise<void> => {
    await peeked.chunks.return(undefined);
  };
  let format: FormatName = 'unknown';
  const problems: DataProblem[] = [];
  const ctx: ParseContext = { file: path, problems, limit: options.limit };
  let opened: OpenedFormat;
  // The one cleanup path: whatever refuses the file before it is read releases it here.
  try {
    if (head.length === 0) throw new DataFileError(DataErrors.emptyFile, path);
    const found = recognise(head, extname(path).toLowerCase());
    // A few bytes before the damage that are no known format: the damage is the real reason.
    if (!found) throw peeked.broken ?? new DataFileError(DataErrors.unknownFormat, path);
    format = found.name;
    opened = await found.format.open({
      head,
      path,
      ctx,
      labels: options.labels,
      normalizeRaw: options.normalizeRaw,
      limit: options.limit,
      reread: async (bytes) => {
        await closeAll();
        peeked = await peekChunks(fileChunks(path, { gzip, signal: options.signal }), bytes);
        return peeked.head;
      },
      becameRaw: () => (format = 'quickdraw-ndjson-raw'),
    });
  } catch (error) {
    await closeAll();
    throw error;
  }
  const { declaredCount, parse } = opened;

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

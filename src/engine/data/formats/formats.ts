import type { DataRecord, FormatName } from '../drawing.types';
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
import type { ParseContext } from './parse-context';
import { looksLikeQuickDrawBin, parseQuickDrawBin } from './quickdraw-bin';
import { parseQuickDrawNdjson } from './quickdraw-ndjson';
import { looksLikeNdjson, ndjsonVariant } from './text-sniff';

/** What a format's detector sees: the file's first bytes (gzip looked through) and its name. */
export interface Sniff {
  head: Buffer;
  /** Lower-case extension, with its dot. */
  ext: string;
  /** The first line reads as NDJSON. */
  text: boolean;
}

/** What a format's opener gets: the head, a way to read a longer one, and the reading options. */
export interface Opening {
  head: Buffer;
  path: string;
  ctx: ParseContext;
  labels?: Uint8Array;
  normalizeRaw?: boolean;
  limit?: number;
  /** Reads the file's head again, at least `bytes` long (a header bigger than the first look). */
  reread(bytes: number): Promise<Buffer>;
  /** NDJSON: the file turned out to hold raw drawings. */
  becameRaw(): void;
}

export interface OpenedFormat {
  /** Rows/items the header promises (npy, IDX). */
  declaredCount?: number;
  parse(chunks: AsyncGenerator<Buffer>): AsyncGenerator<DataRecord[]>;
}

/** One readable format: how it is recognised, and how its header is read (throwing DataFileError). */
export interface DataFormat {
  detect(sniff: Sniff): FormatName | undefined;
  open(opening: Opening): Promise<OpenedFormat>;
}

/** Other IDX element types (0x08–0x0e) with 1–4 dims: the IDX reader refuses them by name. */
function otherIdx(head: Buffer): boolean {
  return (
    head.length >= 4 &&
    head[0] === 0 &&
    head[1] === 0 &&
    head[2] >= 0x08 &&
    head[2] <= 0x0e &&
    head[3] >= 1 &&
    head[3] <= 4
  );
}

const npy: DataFormat = {
  detect: ({ head }) => (head.length >= 6 && head.subarray(0, 6).equals(NPY_MAGIC) ? 'npy-bitmap' : undefined),
  async open(o) {
    const needed = npyHeaderBytesNeeded(o.head);
    // Rare: a header bigger than the first look; read on until it is whole.
    const head = o.head.length < needed && needed <= 16 << 20 ? await o.reread(needed) : o.head;
    const header = parseNpyHeader(head, o.path);
    return { declaredCount: header.rows, parse: (chunks) => parseNpyBitmaps(chunks, header, o.ctx) };
  },
};

const idx: DataFormat = {
  detect({ head }) {
    const magic = idxMagic(head);
    if (magic === IDX_LABELS_MAGIC) return 'idx-labels';
    return magic === IDX_IMAGES_MAGIC || otherIdx(head) ? 'idx-images' : undefined;
  },
  async open(o) {
    const header = parseIdxHeader(o.head, o.path);
    if (header.kind === 'images') {
      return { declaredCount: header.count, parse: (chunks) => parseIdxImages(chunks, header, o.ctx, o.labels) };
    }
    return {
      declaredCount: header.count,
      parse: async function* (chunks) {
        const labels = await readIdxLabelBytes(chunks, header, o.ctx);
        yield* idxLabelRecords(labels, header, o.limit);
      },
    };
  },
};

/**
 * A .bin is judged by its framing only: header fields that are merely odd (recognized = 5,
 * 0 strokes) are problems of that record, reported by the reader, as they are further on. Too
 * short to judge, the name is trusted so the reader can report the cut-off record. Any other
 * name needs strict framing, and text is NDJSON.
 */
const quickDrawBin: DataFormat = {
  detect({ head, ext, text }) {
    const bin =
      ext === '.bin'
        ? looksLikeQuickDrawBin(head, { lenient: true }) || (!text && head.length < 17)
        : !text && looksLikeQuickDrawBin(head, { lenient: false });
    return bin ? 'quickdraw-bin' : undefined;
  },
  open: async (o) => ({ parse: (chunks) => parseQuickDrawBin(chunks, o.ctx) }),
};

const quickDrawNdjson: DataFormat = {
  detect: ({ head, text }) => (text ? ndjsonVariant(head) : undefined),
  open: async (o) => ({
    parse: (chunks) =>
      parseQuickDrawNdjson(chunks, o.ctx, {
        normalizeRaw: o.normalizeRaw,
        onVariant: (raw) => {
          if (raw) o.becameRaw();
        },
      }),
  }),
};

/** Every format the studio reads, in the order they are tried: magic numbers before text. */
export const DATA_FORMATS: readonly DataFormat[] = [npy, idx, quickDrawBin, quickDrawNdjson];

/** The first format that claims the file, with the name it detected; undefined when none does. */
export function recognise(head: Buffer, ext: string): { name: FormatName; format: DataFormat } | undefined {
  const seen: Sniff = { head, ext, text: looksLikeNdjson(head, ext) };
  for (const format of DATA_FORMATS) {
    const name = format.detect(seen);
    if (name) return { name, format };
  }
  return undefined;
}

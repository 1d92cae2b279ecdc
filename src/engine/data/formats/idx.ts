import type { ImageRecord } from '../drawing.types';
import { DataErrors, DataFileError } from '../errors';
import { fixedItems } from './fixed-items';
import { problem, type ParseContext, type RecordBatches } from './parse-context';

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

export interface IdxHeader {
  kind: 'images' | 'labels';
  dataOffset: number;
  count: number;
  rows: number;
  cols: number;
}

export function idxMagic(head: Buffer): number {
  return head.length >= 4 ? head.readUInt32BE(0) : -1;
}

/** Header of an IDX uint8 images (3 dims) or labels (1 dim) file, big-endian. */
export function parseIdxHeader(head: Buffer, file: string): IdxHeader {
  const magic = idxMagic(head);
  if (magic === IDX_IMAGES_MAGIC) {
    if (head.length < 16) throw new DataFileError(DataErrors.idxTruncated(0, 0), file);
    const rows = head.readUInt32BE(8);
    const cols = head.readUInt32BE(12);
    if (rows === 0 || cols === 0 || rows * cols > 1 << 20) {
      throw new DataFileError(DataErrors.idxBadMagic(magic), file);
    }
    return { kind: 'images', dataOffset: 16, count: head.readUInt32BE(4), rows, cols };
  }
  if (magic === IDX_LABELS_MAGIC) {
    if (head.length < 8) throw new DataFileError(DataErrors.idxTruncated(0, 0), file);
    return { kind: 'labels', dataOffset: 8, count: head.readUInt32BE(4), rows: 1, cols: 1 };
  }
  throw new DataFileError(DataErrors.idxBadMagic(magic >>> 0), file);
}

function finish(ctx: ParseContext, header: IdxHeader, wanted: number, items: number, leftover: number): void {
  const size = header.rows * header.cols;
  if (items < wanted) {
    problem(ctx, DataErrors.idxTruncated(items, header.count), items, header.dataOffset + items * size);
  } else if (leftover > 0 && wanted === header.count) {
    problem(ctx, DataErrors.idxTrailing(leftover), items, header.dataOffset + items * size);
  }
}

/** Streams IDX images; `labels` (when given) are attached by index. */
export async function* parseIdxImages(
  chunks: AsyncIterable<Buffer>,
  header: IdxHeader,
  ctx: ParseContext,
  labels?: Uint8Array,
): RecordBatches<ImageRecord> {
  const size = header.rows * header.cols;
  const wanted = ctx.limit === undefined ? header.count : Math.min(ctx.limit, header.count);
  const it = fixedItems(chunks, header.dataOffset, size, wanted);
  for (;;) {
    const next = await it.next();
    if (next.done) {
      finish(ctx, header, wanted, next.value.items, next.value.leftover);
      return;
    }
    const { items, firstIndex } = next.value;
    yield items.map((row, i) => {
      const index = firstIndex + i;
      const record: ImageRecord = {
        kind: 'image',
        index,
        byteOffset: header.dataOffset + index * size,
        width: header.cols,
        height: header.rows,
        pixels: new Uint8Array(row),
      };
      if (labels && index < labels.length) record.label = labels[index];
      return record;
    });
    if (ctx.limit !== undefined && firstIndex + items.length >= ctx.limit) return;
  }
}

/** Reads all labels of an IDX labels stream (one byte each, so small even for big sets). */
export async function readIdxLabelBytes(
  chunks: AsyncIterable<Buffer>,
  header: IdxHeader,
  ctx: ParseContext,
): Promise<Uint8Array> {
  // Collected chunk by chunk rather than preallocated: a corrupt count must not allocate gigabytes.
  const parts: Buffer[] = [];
  let skip = header.dataOffset;
  let have = 0;
  let leftover = 0;
  for await (const raw of chunks) {
    let chunk = raw;
    if (skip > 0) {
      const n = Math.min(skip, chunk.length);
      skip -= n;
      chunk = chunk.subarray(n);
    }
    const take = Math.min(chunk.length, header.count - have);
    if (take > 0) parts.push(Buffer.from(chunk.subarray(0, take)));
    have += take;
    leftover += chunk.length - take;
  }
  finish(ctx, header, header.count, have, leftover);
  return new Uint8Array(Buffer.concat(parts));
}

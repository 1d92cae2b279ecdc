import type { DataRecord, ImageRecord, LabelRecord } from '../drawing.types';
import { DataErrors, DataFileError } from '../errors';
import { fixedItems } from './fixed-items';
import { problem, type ParseContext, type RecordBatches } from './parse-context';

export const IDX_IMAGES_MAGIC = 0x00000803;
export const IDX_LABELS_MAGIC = 0x00000801;

/**
 * More items than any real IDX set holds (EMNIST has under a million). The count is the one
 * header field that sizes work and memory (labels are kept whole), so it is bounded before
 * anything is read.
 */
export const MAX_IDX_ITEMS = 1 << 24;

/**
 * Bytes of image data a header may declare (EMNIST's 800,000 images are 630 MB): every
 * declared byte is work to stream through, so it is bounded like the count.
 */
export const MAX_DATA_BYTES = 1 << 30;

/** Labels are handed out in batches of this many records, so no array grows with the file. */
const LABEL_BATCH = 1 << 16;

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

/**
 * Header of an IDX uint8 images (3 dims) or labels (1 dim) file, big-endian. The count is
 * checked against MAX_IDX_ITEMS here; a count the data does not fill is reported where the
 * data ends, since the items before it are good.
 */
export function parseIdxHeader(head: Buffer, file: string): IdxHeader {
  const header = parseIdxFields(head, file);
  const max = Math.min(MAX_IDX_ITEMS, Math.floor(MAX_DATA_BYTES / (header.rows * header.cols)));
  if (header.count > max) throw new DataFileError(DataErrors.tooManyItems(header.count, max), file, 4);
  return header;
}

function parseIdxFields(head: Buffer, file: string): IdxHeader {
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
  // A labelled set with unlabelled images would teach a model wrong classes: those images are left out.
  const labelled = labels === undefined ? header.count : Math.min(labels.length, header.count);
  if (labels !== undefined && labels.length !== header.count) {
    problem(ctx, DataErrors.labelsMismatch(header.count, labels.length), labelled, header.dataOffset + labelled * size);
  }
  const wanted = Math.min(ctx.limit ?? labelled, labelled);
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
      if (labels) record.label = labels[index];
      return record;
    });
    if (ctx.limit !== undefined && firstIndex + items.length >= ctx.limit) return;
  }
}

/**
 * Reads all labels of an IDX labels stream into one byte array. It is sized by the header's
 * count, which parseIdxHeader has bounded, and filled as the data comes; bytes past the count
 * are only counted, so a gzip bomb costs time in gunzip and no memory.
 */
export async function readIdxLabelBytes(
  chunks: AsyncIterable<Buffer>,
  header: IdxHeader,
  ctx: ParseContext,
): Promise<Uint8Array> {
  const labels = new Uint8Array(header.count);
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
    if (take > 0) labels.set(chunk.subarray(0, take), have);
    have += take;
    leftover += chunk.length - take;
  }
  finish(ctx, header, header.count, have, leftover);
  return have === header.count ? labels : labels.slice(0, have);
}

/** Label records in fixed-size batches (one object per label, but never all of them at once). */
export function* idxLabelRecords(labels: Uint8Array, header: IdxHeader, limit?: number): Generator<DataRecord[]> {
  const n = limit === undefined ? labels.length : Math.min(limit, labels.length);
  for (let start = 0; start < n; start += LABEL_BATCH) {
    const end = Math.min(n, start + LABEL_BATCH);
    const batch: LabelRecord[] = new Array<LabelRecord>(end - start);
    for (let i = start; i < end; i++) {
      batch[i - start] = { kind: 'label', index: i, byteOffset: header.dataOffset + i, label: labels[i] };
    }
    yield batch;
  }
}

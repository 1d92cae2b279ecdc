import type { ImageRecord } from '../drawing.types';
import { DataErrors, DataFileError } from '../errors';
import { fixedItems } from './fixed-items';
import { MAX_DATA_BYTES } from './idx';
import { problem, type ParseContext, type RecordBatches } from './parse-context';

export const NPY_MAGIC = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]); // \x93NUMPY

export interface NpyHeader {
  /** Bytes before the data: magic, version, length field and the header dict. */
  dataOffset: number;
  rows: number;
  shape: number[];
}

/** How many bytes detection should peek so the header is complete (v1 headers are < 64 KiB). */
export function npyHeaderBytesNeeded(head: Buffer): number {
  if (head.length < 12) return 12;
  const major = head[6];
  return major === 1 ? 10 + head.readUInt16LE(8) : 12 + head.readUInt32LE(8);
}

/** Reads the header; throws DataFileError for anything but uint8 (N,784) / (N,1,784), C order. */
export function parseNpyHeader(head: Buffer, file: string): NpyHeader {
  if (head.length < 6 || !head.subarray(0, 6).equals(NPY_MAGIC)) throw new DataFileError(DataErrors.npyBadMagic, file);
  if (head.length < 12) throw new DataFileError(DataErrors.npyBadHeader, file);
  const major = head[6];
  if (major < 1 || major > 3) throw new DataFileError(DataErrors.npyBadHeader, file);
  const lengthBytes = major === 1 ? 2 : 4;
  const headerLength = major === 1 ? head.readUInt16LE(8) : head.readUInt32LE(8);
  const dataOffset = 8 + lengthBytes + headerLength;
  if (head.length < dataOffset) throw new DataFileError(DataErrors.npyBadHeader, file);
  const text = head.toString('latin1', 8 + lengthBytes, dataOffset);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new DataFileError(DataErrors.npyBadHeader, file);
  }
  if (!['|u1', '<u1', '>u1', '=u1', 'u1'].includes(descr)) throw new DataFileError(DataErrors.npyDtype(descr), file);
  if (fortran === 'True') throw new DataFileError(DataErrors.npyFortran, file);
  const parts = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const shape = parts.map((s) => (/^\d+L?$/.test(s) ? Number.parseInt(s, 10) : NaN));
  const ok =
    shape.every((n) => Number.isSafeInteger(n)) &&
    ((shape.length === 2 && shape[1] === 784) || (shape.length === 3 && shape[1] === 1 && shape[2] === 784));
  if (!ok) throw new DataFileError(DataErrors.npyShape(`(${parts.join(', ')})`), file);
  const maxRows = Math.floor(MAX_DATA_BYTES / 784);
  if (shape[0] > maxRows) throw new DataFileError(DataErrors.tooManyItems(shape[0], maxRows), file, 8);
  return { dataOffset, rows: shape[0], shape };
}

/** Streams the rows of a uint8 bitmap .npy as 28×28 image records. */
export async function* parseNpyBitmaps(
  chunks: AsyncIterable<Buffer>,
  header: NpyHeader,
  ctx: ParseContext,
): RecordBatches<ImageRecord> {
  const wanted = ctx.limit === undefined ? header.rows : Math.min(ctx.limit, header.rows);
  const it = fixedItems(chunks, header.dataOffset, 784, wanted);
  for (;;) {
    const next = await it.next();
    if (next.done) {
      const { items, leftover } = next.value;
      if (items < wanted) {
        problem(ctx, DataErrors.npyTruncated(items, header.rows), items, header.dataOffset + items * 784);
      } else if (leftover > 0 && wanted === header.rows) {
        problem(ctx, DataErrors.npyTrailing(leftover), items, header.dataOffset + items * 784);
      }
      return;
    }
    const { items, firstIndex } = next.value;
    yield items.map((row, i) => ({
      kind: 'image' as const,
      index: firstIndex + i,
      byteOffset: header.dataOffset + (firstIndex + i) * 784,
      width: 28,
      height: 28,
      pixels: new Uint8Array(row),
    }));
    if (ctx.limit !== undefined && firstIndex + items.length >= ctx.limit) return;
  }
}

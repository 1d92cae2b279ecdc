import type { DrawingRecord } from '../drawing.types';
import type { Stroke } from '../../../shared/types/drawing';
import { NPY_MAGIC } from './npy';
import { IDX_IMAGES_MAGIC, IDX_LABELS_MAGIC } from './idx';

/** The fields a writer needs; readers return more (index, byteOffset) which writers ignore. */
export type DrawingFields = Pick<DrawingRecord, 'keyId' | 'countryCode' | 'recognized' | 'timestamp' | 'word'> & {
  strokes: readonly Stroke[];
};

const U64_MAX = (1n << 64n) - 1n;

function keyIdToBigInt(keyId: string | undefined): bigint {
  if (keyId === undefined || !/^\d{1,20}$/.test(keyId)) return 0n;
  const v = BigInt(keyId);
  return v <= U64_MAX ? v : 0n;
}

/** Unix seconds from a number or Quick, Draw!'s "2017-03-02 23:25:10.07453 UTC" strings. */
export function timestampSeconds(timestamp: number | string | undefined): number {
  if (typeof timestamp === 'number')
    return Number.isFinite(timestamp) ? Math.max(0, Math.min(0xffffffff, Math.floor(timestamp))) : 0;
  if (typeof timestamp !== 'string') return 0;
  const ms = Date.parse(timestamp.replace(' UTC', 'Z').replace(' ', 'T'));
  return Number.isFinite(ms) ? Math.max(0, Math.min(0xffffffff, Math.floor(ms / 1000))) : 0;
}

function byte(v: number): number {
  const r = Math.round(v);
  return r < 0 ? 0 : r > 255 ? 255 : r;
}

/** One Quick, Draw! binary record. Coordinates are rounded and clamped to 0–255. */
export function encodeQuickDrawBinRecord(d: DrawingFields): Buffer {
  const strokes = d.strokes.slice(0, 0xffff);
  let bytes = 17;
  for (const s of strokes) bytes += 2 + 2 * Math.min(s.x.length, s.y.length, 0xffff);
  const buf = Buffer.alloc(bytes);
  buf.writeBigUInt64LE(keyIdToBigInt(d.keyId), 0);
  const cc = d.countryCode ?? '';
  buf[8] = cc.length > 0 ? cc.charCodeAt(0) & 0x7f : 0;
  buf[9] = cc.length > 1 ? cc.charCodeAt(1) & 0x7f : 0;
  buf[10] = d.recognized ? 1 : 0;
  buf.writeUInt32LE(timestampSeconds(d.timestamp), 11);
  buf.writeUInt16LE(strokes.length, 15);
  let p = 17;
  for (const s of strokes) {
    const n = Math.min(s.x.length, s.y.length, 0xffff);
    buf.writeUInt16LE(n, p);
    p += 2;
    for (let i = 0; i < n; i++) {
      buf[p + i] = byte(s.x[i]);
      buf[p + n + i] = byte(s.y[i]);
    }
    p += 2 * n;
  }
  return buf;
}

/** One simplified NDJSON line (with its newline), keys in the official order. */
export function encodeNdjsonLine(d: DrawingFields): string {
  return (
    JSON.stringify({
      word: d.word ?? '',
      countrycode: d.countryCode ?? '',
      timestamp: d.timestamp === undefined ? '' : String(d.timestamp),
      recognized: d.recognized ?? false,
      key_id: d.keyId ?? '',
      drawing: d.strokes.map((s) => (s.t ? [s.x, s.y, s.t] : [s.x, s.y])),
    }) + '\n'
  );
}

/** A uint8 .npy of rows × 784, shape (N, 784) or (N, 1, 784), header padded to 64 bytes. */
export function encodeNpy(rows: readonly Uint8Array[], shape: '2d' | '3d' = '2d'): Buffer {
  return Buffer.concat([npyHeader(rows.length, shape), ...rows.map((r) => Buffer.from(r))]);
}

/** The header of such a .npy of `count` rows, for writing the rows after it a block at a time. */
export function npyHeader(count: number, shape: '2d' | '3d' = '2d'): Buffer {
  const shapeText = shape === '2d' ? `(${count}, 784)` : `(${count}, 1, 784)`;
  let dict = `{'descr': '|u1', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const total = 10 + dict.length + 1;
  dict += ' '.repeat((64 - (total % 64)) % 64) + '\n';
  const header = Buffer.alloc(10);
  NPY_MAGIC.copy(header, 0);
  header[6] = 1;
  header[7] = 0;
  header.writeUInt16LE(dict.length, 8);
  return Buffer.concat([header, Buffer.from(dict, 'latin1')]);
}

/** IDX3 uint8 images (rows × cols each). */
export function encodeIdxImages(images: readonly Uint8Array[], rows = 28, cols = 28): Buffer {
  const header = Buffer.alloc(16);
  header.writeUInt32BE(IDX_IMAGES_MAGIC, 0);
  header.writeUInt32BE(images.length, 4);
  header.writeUInt32BE(rows, 8);
  header.writeUInt32BE(cols, 12);
  return Buffer.concat([header, ...images.map((r) => Buffer.from(r))]);
}

/** IDX1 uint8 labels. */
export function encodeIdxLabels(labels: ArrayLike<number>): Buffer {
  const buf = Buffer.alloc(8 + labels.length);
  buf.writeUInt32BE(IDX_LABELS_MAGIC, 0);
  buf.writeUInt32BE(labels.length, 4);
  for (let i = 0; i < labels.length; i++) buf[8 + i] = labels[i];
  return buf;
}

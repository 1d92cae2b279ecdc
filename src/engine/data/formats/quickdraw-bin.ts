import type { DrawingRecord } from '../drawing.types';
import type { Stroke } from '../../../shared/types/drawing';
import { DataErrors } from '../errors';
import { problem, type ParseContext, type RecordBatches } from './parse-context';

/** key_id u64 + country 2 + recognized u8 + timestamp u32 + n_strokes u16. */
export const BIN_HEADER_BYTES = 17;

/**
 * Real drawings are a few KB; a record claiming more is corrupt, and refusing it keeps memory
 * bounded (a flipped n_points could otherwise ask us to buffer gigabytes).
 */
export const MAX_BIN_RECORD_BYTES = 4 << 20;

export const binRecordTooLarge = (bytes: number) =>
  `record claims ${bytes} bytes, more than the ${MAX_BIN_RECORD_BYTES} a drawing can plausibly take: the file is corrupt from here`;

type Measure =
  { ok: true; bytes: number } | { ok: false; needed: number; stroke: number; points: number; tooLarge: boolean };

/** Size of the record at `pos`, or how it runs past what is buffered. */
function measure(buf: Buffer, pos: number, end: number): Measure {
  if (end - pos < BIN_HEADER_BYTES)
    return { ok: false, needed: BIN_HEADER_BYTES, stroke: -1, points: 0, tooLarge: false };
  const strokes = buf.readUInt16LE(pos + 15);
  let p = pos + BIN_HEADER_BYTES;
  for (let s = 0; s < strokes; s++) {
    if (end - p < 2) return { ok: false, needed: p + 2 - pos, stroke: s, points: -1, tooLarge: false };
    const n = buf[p] | (buf[p + 1] << 8);
    p += 2 + 2 * n;
    if (p - pos > MAX_BIN_RECORD_BYTES) return { ok: false, needed: p - pos, stroke: s, points: n, tooLarge: true };
    if (p > end) return { ok: false, needed: p - pos, stroke: s, points: n, tooLarge: false };
  }
  return { ok: true, bytes: p - pos };
}

function decode(buf: Buffer, pos: number, index: number, byteOffset: number): DrawingRecord {
  const keyId = buf.readBigUInt64LE(pos).toString();
  const countryCode = String.fromCharCode(buf[pos + 8], buf[pos + 9]);
  const recognized = buf[pos + 10] === 1;
  const timestamp = buf.readUInt32LE(pos + 11);
  const count = buf.readUInt16LE(pos + 15);
  const strokes: Stroke[] = new Array<Stroke>(count);
  let p = pos + BIN_HEADER_BYTES;
  for (let s = 0; s < count; s++) {
    const n = buf[p] | (buf[p + 1] << 8);
    p += 2;
    const x = new Array<number>(n);
    const y = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      x[i] = buf[p + i];
      y[i] = buf[p + n + i];
    }
    p += 2 * n;
    strokes[s] = { x, y };
  }
  return { kind: 'drawing', index, byteOffset, keyId, countryCode, recognized, timestamp, strokes };
}

function isCountryByte(b: number): boolean {
  return b === 0 || (b >= 0x20 && b < 0x7f);
}

/** Header fields that do not affect framing are checked but the record is kept. */
function validate(buf: Buffer, pos: number, ctx: ParseContext, index: number, offset: number): void {
  if (!isCountryByte(buf[pos + 8]) || !isCountryByte(buf[pos + 9]))
    problem(ctx, DataErrors.badCountryCode, index, offset);
  const recognized = buf[pos + 10];
  if (recognized > 1) problem(ctx, DataErrors.badRecognized(recognized), index, offset);
}

/**
 * True when `head` plausibly starts with a Quick, Draw! binary record (used for detection).
 * Strict: the header fields must look right, and a record running past the peeked bytes is
 * plausible unless absurdly large. Lenient (the file is named .bin) also accepts a first
 * record whose fields are merely odd (recognized = 5, 0 strokes) when its framing closes
 * inside the head, as for every later record: those are that record's problems.
 */
export function looksLikeQuickDrawBin(head: Buffer, options: { lenient: boolean }): boolean {
  if (head.length < BIN_HEADER_BYTES) return false;
  const m = measure(head, 0, head.length);
  if (options.lenient && m.ok) return true;
  if (!isCountryByte(head[8]) || !isCountryByte(head[9]) || head[10] > 1) return false;
  if (head.readUInt16LE(15) === 0) return false;
  return m.ok || !m.tooLarge;
}

/** Whole records found in one buffer: record k starts at buf[starts[k]], index firstIndex + k. */
export interface BinSpans {
  buf: Buffer;
  starts: number[];
  firstIndex: number;
  /** Absolute file offset of buf[0]. */
  base: number;
}

/**
 * The one framing walker for .bin: finds whole records chunk by chunk (carrying a partial
 * record over to the next chunk) and reports a cut-off or absurd record as a problem.
 * Spans are only valid until the next one is requested.
 */
export async function* quickDrawBinSpans(chunks: AsyncIterable<Buffer>, ctx: ParseContext): AsyncGenerator<BinSpans> {
  let carry: Buffer | null = null;
  let carryOffset = 0; // absolute offset of carry[0]
  let index = 0;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const base = carryOffset;
    const end = buf.length;
    let pos = 0;
    const starts: number[] = [];
    const firstIndex = index;
    for (;;) {
      const m = measure(buf, pos, end);
      if (!m.ok) {
        if (m.tooLarge) {
          problem(ctx, binRecordTooLarge(m.needed), index, base + pos);
          if (starts.length) yield { buf, starts, firstIndex, base };
          return;
        }
        break;
      }
      validate(buf, pos, ctx, index, base + pos);
      starts.push(pos);
      index++;
      pos += m.bytes;
      if (ctx.limit !== undefined && index >= ctx.limit) {
        yield { buf, starts, firstIndex, base };
        return;
      }
    }
    // Copy the partial record so the big chunk it came from can be collected.
    carry = pos < end ? Buffer.from(buf.subarray(pos)) : null;
    carryOffset = base + pos;
    if (starts.length) yield { buf, starts, firstIndex, base };
  }
  if (carry && carry.length > 0) {
    const m = measure(carry, 0, carry.length);
    const message =
      !m.ok && m.stroke >= 0 && m.points >= 0
        ? DataErrors.strokePastEnd(m.stroke, m.points)
        : DataErrors.truncatedRecord(m.ok ? m.bytes : m.needed, carry.length);
    problem(ctx, message, index, carryOffset);
  }
}

/** Streams Quick, Draw! binary records; a cut-off last record becomes a problem with its offset. */
export async function* parseQuickDrawBin(
  chunks: AsyncIterable<Buffer>,
  ctx: ParseContext,
): RecordBatches<DrawingRecord> {
  for await (const { buf, starts, firstIndex, base } of quickDrawBinSpans(chunks, ctx)) {
    yield starts.map((pos, k) => decode(buf, pos, firstIndex + k, base + pos));
  }
}

import type { DrawingRecord } from '../drawing.types';
import type { Stroke } from '../../../shared/types/drawing';
import { DataErrors } from '../errors';
import { normalizeCanvasStrokes } from '../raster/normalize';
import { problem, type ParseContext, type RecordBatches } from './parse-context';

/** A line longer than this is not a drawing; it is skipped so memory stays bounded. */
export const MAX_NDJSON_LINE_BYTES = 16 << 20;

export const ndjsonLineTooLong = `line is longer than ${MAX_NDJSON_LINE_BYTES} bytes`;

export interface NdjsonOptions {
  /** Raw drawings (float screen coordinates) are normalised to 0–255 + RDP unless false. */
  normalizeRaw?: boolean;
  /** Told once per record whether it was raw (for format reporting). */
  onVariant?: (raw: boolean) => void;
}

type LineResult = { ok: true; record: DrawingRecord; raw: boolean } | { ok: false; message: string };

function isNumberArray(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (const v of value) if (typeof v !== 'number' || !Number.isFinite(v)) return false;
  return true;
}

function parseStrokes(drawing: unknown[]): { strokes: Stroke[]; raw: boolean } | { error: string } {
  const strokes: Stroke[] = [];
  let raw = false;
  for (let s = 0; s < drawing.length; s++) {
    const stroke = drawing[s];
    if (!Array.isArray(stroke) || stroke.length < 2 || stroke.length > 3)
      return { error: DataErrors.ndjsonBadStroke(s) };
    const [x, y, t] = stroke as unknown[];
    if (!isNumberArray(x) || !isNumberArray(y) || x.length !== y.length)
      return { error: DataErrors.ndjsonBadStroke(s) };
    if (t !== undefined && (!isNumberArray(t) || t.length !== x.length))
      return { error: DataErrors.ndjsonBadStroke(s) };
    if (t !== undefined) raw = true;
    if (!raw) {
      for (let i = 0; i < x.length; i++) {
        const a = x[i];
        const b = y[i];
        if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0 || a > 255 || b < 0 || b > 255) {
          raw = true;
          break;
        }
      }
    }
    strokes.push(t === undefined ? { x, y } : { x, y, t });
  }
  return { strokes, raw };
}

function parseLine(text: string, index: number, byteOffset: number, normalizeRaw: boolean): LineResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: DataErrors.ndjsonNotJson };
  }
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { drawing?: unknown }).drawing)) {
    return { ok: false, message: DataErrors.ndjsonNoDrawing };
  }
  const o = json as Record<string, unknown>;
  const parsed = parseStrokes(o.drawing as unknown[]);
  if ('error' in parsed) return { ok: false, message: parsed.error };
  const record: DrawingRecord = {
    kind: 'drawing',
    index,
    byteOffset,
    strokes: parsed.raw && normalizeRaw ? normalizeCanvasStrokes(parsed.strokes) : parsed.strokes,
  };
  if (typeof o.key_id === 'string' || typeof o.key_id === 'number') record.keyId = String(o.key_id);
  if (typeof o.countrycode === 'string') record.countryCode = o.countrycode;
  if (typeof o.recognized === 'boolean') record.recognized = o.recognized;
  if (typeof o.timestamp === 'string' || typeof o.timestamp === 'number') record.timestamp = o.timestamp;
  if (typeof o.word === 'string') record.word = o.word;
  return { ok: true, record, raw: parsed.raw };
}

function hasBom(buf: Buffer, start: number, end: number): boolean {
  return end - start >= 3 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf;
}

function isBlank(buf: Buffer, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = buf[i];
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Streams NDJSON drawings line by line. Bad lines become problems (with line number and
 * byte offset) and reading goes on; the last line may lack its newline.
 */
export async function* parseQuickDrawNdjson(
  chunks: AsyncIterable<Buffer>,
  ctx: ParseContext,
  options: NdjsonOptions = {},
): RecordBatches<DrawingRecord> {
  const normalizeRaw = options.normalizeRaw ?? true;
  let carry: Buffer | null = null;
  let carryOffset = 0;
  let line = 0;
  let index = 0;
  let good = 0;
  let skipping = false; // inside an over-long line, dropping bytes until its newline

  const handle = (buf: Buffer, lineStart: number, end: number, offset: number, batch: DrawingRecord[]): boolean => {
    line++;
    // Editors on Windows save UTF-8 with a byte-order mark, which JSON.parse refuses.
    const start = offset === 0 && hasBom(buf, lineStart, end) ? lineStart + 3 : lineStart;
    if (isBlank(buf, start, end)) return false;
    const result = parseLine(buf.toString('utf8', start, end), index, offset, normalizeRaw);
    if (result.ok) {
      options.onVariant?.(result.raw);
      batch.push(result.record);
      good++;
    } else {
      problem(ctx, result.message, index, offset, line);
    }
    index++;
    return ctx.limit !== undefined && good >= ctx.limit;
  };

  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const base = carryOffset;
    const batch: DrawingRecord[] = [];
    let start = 0;
    for (;;) {
      const nl = buf.indexOf(0x0a, start);
      if (nl < 0) break;
      if (skipping) {
        skipping = false;
      } else if (handle(buf, start, nl, base + start, batch)) {
        yield batch;
        return;
      }
      start = nl + 1;
    }
    if (!skipping && buf.length - start > MAX_NDJSON_LINE_BYTES) {
      line++;
      problem(ctx, ndjsonLineTooLong, index, base + start, line);
      index++;
      skipping = true;
    }
    carry = skipping || start >= buf.length ? null : Buffer.from(buf.subarray(start));
    carryOffset = skipping ? base + buf.length : base + start;
    if (batch.length) yield batch;
  }
  if (carry && !skipping) {
    const batch: DrawingRecord[] = [];
    handle(carry, 0, carry.length, carryOffset, batch);
    if (batch.length) yield batch;
  }
}

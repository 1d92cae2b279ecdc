import type { FormatName } from '../drawing.types';

/* Whether a file's first bytes read as Quick, Draw! NDJSON, and which variant. */

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
export function looksLikeNdjson(head: Buffer, ext: string): boolean {
  const i = textStart(head);
  if (i >= head.length || head[i] !== 0x7b) return false;
  if (NDJSON_EXTENSIONS.has(ext)) return true;
  const nl = head.indexOf(0x0a, i);
  return !hasControlBytes(head, i, nl < 0 ? Math.min(head.length, 4096) : Math.min(nl, i + 4096));
}

export function ndjsonVariant(head: Buffer): FormatName {
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

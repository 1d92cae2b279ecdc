import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { constants, createGzip, gunzipSync, gzipSync } from 'node:zlib';
import { encodeIdxImages, encodeIdxLabels, encodeQuickDrawBinRecord } from '../../src/engine/data/formats/encode';

/**
 * Hostile data files, generated where a test or a bench needs them (nothing big is committed).
 * Each writer returns the path it wrote. Shared by tests/unit/data/hostile-files.test.ts and
 * bench/fuzz, which runs them through the CLI and measures time and peak RSS.
 */

const IDX_LABELS_MAGIC = 0x00000801;

/** A gzip IDX labels file whose header declares `count` labels and whose data expands to `expandedBytes`. */
export async function gzipLabelsBomb(path: string, count: number, expandedBytes: number): Promise<string> {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(IDX_LABELS_MAGIC, 0);
  header.writeUInt32BE(count, 4);
  const chunk = Buffer.alloc(1 << 20, 3);
  async function* bytes() {
    yield header;
    for (let left = expandedBytes; left > 0; left -= chunk.length)
      yield chunk.subarray(0, Math.min(left, chunk.length));
  }
  await pipeline(Readable.from(bytes()), createGzip({ level: 9 }), createWriteStream(path));
  return path;
}

/** `good` real drawings, then `bad` lines that are JSON but no drawing. */
export function manyProblemsNdjson(path: string, goodLines: readonly string[], bad: number): string {
  const badLine = '{"word":"cat","drawing":"not strokes"}\n';
  const parts: string[] = [goodLines.join('\n') + '\n'];
  // Written in slices so a million bad lines never sit in one string.
  const slice = badLine.repeat(10_000);
  writeFileSync(path, parts[0]);
  for (let left = bad; left > 0; left -= 10_000)
    writeFileSync(path, left >= 10_000 ? slice : badLine.repeat(left), { flag: 'a' });
  return path;
}

/**
 * NDJSON lines gzipped and cut in the middle of the compressed stream, as a download that
 * stopped. `complete` is how many whole lines decompress before the cut (what Python's gzip
 * module reads from it).
 */
export function cutGzipNdjson(path: string, lines: readonly string[]): { path: string; complete: number } {
  const whole = gzipSync(lines.join('\n') + '\n');
  const cut = whole.subarray(0, Math.floor(whole.length / 2));
  writeFileSync(path, cut);
  const readable = gunzipSync(cut, { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
  return { path, complete: readable.split('\n').length - 1 };
}

/** The first `n` lines of a real NDJSON file. */
export function realLines(path: string, n: number): string[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).slice(0, n);
}

/** `images` IDX images and a sibling labels file of `labels` labels (MNIST's names). */
export function idxPair(dir: string, images: number, labels: number): { images: string; labels: string } {
  mkdirSync(dir, { recursive: true });
  const pixels = Array.from({ length: images }, (_, i) => new Uint8Array(784).fill(i * 20));
  const imagesPath = join(dir, 'hostile-images-idx3-ubyte');
  const labelsPath = join(dir, 'hostile-labels-idx1-ubyte');
  writeFileSync(imagesPath, encodeIdxImages(pixels));
  writeFileSync(labelsPath, encodeIdxLabels(Array.from({ length: labels }, (_, i) => (i + 1) % 10)));
  return { images: imagesPath, labels: labelsPath };
}

/** An images file with an images file where its labels should be. */
export function idxImagesAsLabels(dir: string): { images: string; labels: string } {
  mkdirSync(dir, { recursive: true });
  const pixels = Array.from({ length: 4 }, () => new Uint8Array(784).fill(9));
  const imagesPath = join(dir, 'odd-images-idx3-ubyte');
  const labelsPath = join(dir, 'odd-labels-idx1-ubyte');
  writeFileSync(imagesPath, encodeIdxImages(pixels));
  writeFileSync(labelsPath, encodeIdxImages(pixels));
  return { images: imagesPath, labels: labelsPath };
}

const drawing = { keyId: '7', countryCode: 'DE', recognized: true, timestamp: 1, strokes: [{ x: [1, 2], y: [3, 4] }] };

/** A .bin whose first record has recognized = 5 (the rest are good). */
export function binOddFirstRecord(path: string): string {
  const odd = Buffer.from(encodeQuickDrawBinRecord(drawing));
  odd[10] = 5;
  writeFileSync(path, Buffer.concat([odd, encodeQuickDrawBinRecord({ ...drawing, keyId: '8' })]));
  return path;
}

/** A .bin whose first record has no strokes. */
export function binEmptyFirstRecord(path: string): string {
  const empty = encodeQuickDrawBinRecord({ ...drawing, strokes: [] });
  writeFileSync(path, Buffer.concat([empty, encodeQuickDrawBinRecord({ ...drawing, keyId: '8' })]));
  return path;
}

/** NDJSON saved with a UTF-8 byte-order mark. */
export function ndjsonWithBom(path: string, lines: readonly string[]): string {
  writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\n') + '\n')]));
  return path;
}

/** NDJSON whose second line holds NUL bytes (inside the first 4 KB). */
export function ndjsonWithNul(path: string, lines: readonly string[]): string {
  writeFileSync(path, `${lines[0]}\n{"drawing":\u0000\u0000}\n${lines.slice(1).join('\n')}\n`);
  return path;
}

/** A FIFO (nothing ever writes to it: reading it would block forever). */
export function fifo(path: string): string {
  execFileSync('mkfifo', [path]);
  return path;
}

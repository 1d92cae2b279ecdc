import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import {
  encodeIdxImages,
  encodeIdxLabels,
  encodeNdjsonLine,
  encodeNpy,
  encodeQuickDrawBinRecord,
} from '../../../src/engine/data/formats/encode';
import { drawings, images, readAll } from './read-all';
import { tempFolder } from '../../helpers/temp-folder';
import { gzipSync } from 'node:zlib';

const tmp = tempFolder('prop');
afterAll(() => tmp.remove());
let fileNo = 0;
const name = (ext: string) => `f${fileNo++}${ext}`;

const coord = fc.integer({ min: 0, max: 255 });
const stroke = fc.integer({ min: 1, max: 40 }).chain((n) =>
  fc.record({
    x: fc.array(coord, { minLength: n, maxLength: n }),
    y: fc.array(coord, { minLength: n, maxLength: n }),
  }),
);
const letter = fc.integer({ min: 65, max: 90 }).map((c) => String.fromCharCode(c));
const drawing = fc.record({
  keyId: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }).map(String),
  countryCode: fc.tuple(letter, letter).map(([a, b]) => a + b),
  recognized: fc.boolean(),
  timestamp: fc.integer({ min: 0, max: 0xffffffff }),
  strokes: fc.array(stroke, { minLength: 1, maxLength: 8 }),
});
const chunkBytes = fc.constantFrom(1, 3, 17, 64, 1 << 20);
const bitmap = fc.uint8Array({ minLength: 784, maxLength: 784 });

describe('write → read round trips (property-based)', () => {
  it('Quick, Draw! binary', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(drawing, { minLength: 0, maxLength: 12 }), chunkBytes, async (ds, chunk) => {
        fc.pre(ds.length > 0);
        const path = tmp.file(name('.bin'), Buffer.concat(ds.map(encodeQuickDrawBinRecord)));
        const { format, records, problems } = await readAll(path, { chunkBytes: chunk });
        expect(format).toBe('quickdraw-bin');
        expect(problems).toEqual([]);
        const back = drawings(records).map(({ keyId, countryCode, recognized, timestamp, strokes }) => ({
          keyId,
          countryCode,
          recognized,
          timestamp,
          strokes,
        }));
        expect(back).toEqual(ds);
      }),
      { numRuns: 60 },
    );
  });

  it('simplified NDJSON (with or without the last newline)', async () => {
    const word = fc.constantFrom('cat', 'the Eiffel Tower', 'smiley face', 'ünïcode');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(drawing, word), { minLength: 1, maxLength: 10 }),
        chunkBytes,
        fc.boolean(),
        async (items, chunk, lastNewline) => {
          const ds = items.map(([d, w]) => ({
            ...d,
            timestamp: `2017-03-02 23:25:${String(d.timestamp % 60).padStart(2, '0')}.07453 UTC`,
            word: w,
          }));
          let text = ds.map(encodeNdjsonLine).join('');
          if (!lastNewline) text = text.slice(0, -1);
          const { format, records, problems } = await readAll(tmp.file(name('.ndjson'), text), { chunkBytes: chunk });
          expect(format).toBe('quickdraw-ndjson-simplified');
          expect(problems).toEqual([]);
          const back = drawings(records).map(({ keyId, countryCode, recognized, timestamp, strokes, word }) => ({
            keyId,
            countryCode,
            recognized,
            timestamp,
            strokes,
            word,
          }));
          expect(back).toEqual(ds);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('numpy bitmaps, shapes (N, 784) and (N, 1, 784)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(bitmap, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('2d', '3d') as fc.Arbitrary<'2d' | '3d'>,
        chunkBytes,
        async (rows, shape, chunk) => {
          const { format, records, problems } = await readAll(tmp.file(name('.npy'), encodeNpy(rows, shape)), {
            chunkBytes: chunk,
          });
          expect(format).toBe('npy-bitmap');
          expect(problems).toEqual([]);
          expect(images(records).map((r) => Array.from(r.pixels))).toEqual(rows.map((r) => Array.from(r)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('IDX images and labels, plain and gzip', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(bitmap, fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        async (items, gz) => {
          const imgs = encodeIdxImages(items.map(([b]) => b));
          const labs = encodeIdxLabels(items.map(([, l]) => l));
          const suffix = gz ? '.gz' : '';
          const imagesPath = tmp.file(name(`-images-idx3-ubyte${suffix}`), gz ? gzipSync(imgs) : imgs);
          const labelsPath = tmp.file(name(`-labels-idx1-ubyte${suffix}`), gz ? gzipSync(labs) : labs);
          const labels = (await readAll(labelsPath)).records.map((r) => (r.kind === 'label' ? r.label : -1));
          expect(labels).toEqual(items.map(([, l]) => l));
          const { format, records, problems } = await readAll(imagesPath, { labels: Uint8Array.from(labels) });
          expect(format).toBe('idx-images');
          expect(problems).toEqual([]);
          expect(images(records).map((r) => [Array.from(r.pixels), r.label])).toEqual(
            items.map(([b, l]) => [Array.from(b), l]),
          );
        },
      ),
      { numRuns: 40 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { sharedData } from '../../helpers/shared-data';
import { drawings, images, readAll } from './read-all';
import { DataErrors } from '../../../src/engine/data/errors';

// Needs ../shared/data (real Quick, Draw!, MNIST and Fashion-MNIST samples).
const CATEGORIES = ['cat', 'dog', 'face', 'house', 'airplane', 'fish', 'apple', 'bicycle', 'eye', 'diamond'];

describe('Quick, Draw! binary', () => {
  it('reads the 49 whole drawings of the real truncated file and reports the cut-off 50th', async () => {
    const { format, records, problems } = await readAll(sharedData('quickdraw/binary/dog.truncated-8192.bin'));
    expect(format).toBe('quickdraw-bin');
    const ds = drawings(records);
    expect(ds).toHaveLength(49);
    expect(ds[0]).toMatchObject({
      index: 0,
      byteOffset: 0,
      keyId: '6718004173733888',
      countryCode: 'US',
      recognized: true,
    });
    expect(ds[0].strokes).toHaveLength(9);
    expect(new Date((ds[0].timestamp as number) * 1000).toISOString()).toBe('2017-03-01T21:44:26.000Z');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ recordIndex: 49, byteOffset: 8192 - 31 });
    expect(problems[0].message).toBe(DataErrors.strokePastEnd(0, 37));
    expect(problems[0].file).toContain('dog.truncated-8192.bin');
  });

  it('matches simplified dog.ndjson lines 0–24 record for record', async () => {
    const bin = drawings((await readAll(sharedData('quickdraw/binary/dog.truncated-8192.bin'))).records);
    const nd = drawings((await readAll(sharedData('quickdraw/simplified-ndjson/dog.ndjson'))).records);
    expect(nd).toHaveLength(25);
    for (let i = 0; i < 25; i++) {
      expect(bin[i].keyId).toBe(nd[i].keyId);
      expect(bin[i].countryCode).toBe(nd[i].countryCode);
      expect(bin[i].recognized).toBe(nd[i].recognized);
      const seconds = Math.floor(Date.parse(String(nd[i].timestamp).replace(' UTC', 'Z').replace(' ', 'T')) / 1000);
      expect(bin[i].timestamp).toBe(seconds);
      expect(bin[i].strokes).toEqual(nd[i].strokes);
    }
  });

  it('gives the same records whatever the chunk size (records straddling chunks)', async () => {
    const path = sharedData('quickdraw/binary/dog.truncated-8192.bin');
    const whole = await readAll(path);
    const small = await readAll(path, { chunkBytes: 7 });
    expect(small.records).toEqual(whole.records);
    expect(small.problems).toEqual(whole.problems);
  });
});

describe('Quick, Draw! NDJSON', () => {
  it.each(CATEGORIES)('reads simplified %s.ndjson: 25 drawings, strings for key_id and timestamp', async (c) => {
    const { format, records, problems } = await readAll(sharedData(`quickdraw/simplified-ndjson/${c}.ndjson`));
    expect(format).toBe('quickdraw-ndjson-simplified');
    expect(problems).toEqual([]);
    const ds = drawings(records);
    expect(ds).toHaveLength(25);
    for (const d of ds) {
      expect(d.word).toBe(c);
      expect(d.keyId).toMatch(/^\d+$/);
      expect(typeof d.timestamp).toBe('string');
      for (const s of d.strokes)
        for (const v of [...s.x, ...s.y]) expect(v >= 0 && v <= 255 && Number.isInteger(v)).toBe(true);
    }
  });

  it.each([
    ['cat', 25],
    ['dog', 26],
    ['face', 31],
    ['house', 37],
    ['airplane', 23],
  ])('reads raw %s.ndjson (last line without newline): %i drawings normalised to 0–255', async (c, n) => {
    const { format, records, problems } = await readAll(sharedData(`quickdraw/raw-ndjson/${c}.ndjson`));
    expect(format).toBe('quickdraw-ndjson-raw');
    expect(problems).toEqual([]);
    const ds = drawings(records);
    expect(ds).toHaveLength(n);
    const simplified = drawings((await readAll(sharedData(`quickdraw/simplified-ndjson/${c}.ndjson`))).records);
    for (let i = 0; i < Math.min(n, 25); i++) expect(ds[i].keyId).toBe(simplified[i].keyId);
    for (const d of ds) {
      const xs = d.strokes.flatMap((s) => s.x);
      const ys = d.strokes.flatMap((s) => s.y);
      expect(Math.min(...xs)).toBeLessThanOrEqual(2);
      expect(Math.min(...ys)).toBeLessThanOrEqual(2);
      expect(Math.min(...xs, ...ys)).toBeGreaterThanOrEqual(0);
      // RDP measures distance to the chord's line, so it may drop an extreme point that overshoots a segment end.
      expect(Math.max(Math.max(...xs), Math.max(...ys))).toBeGreaterThanOrEqual(245);
      expect(Math.max(...xs, ...ys)).toBeLessThanOrEqual(255);
      for (const s of d.strokes) expect(s.t).toHaveLength(s.x.length);
    }
  });

  it('keeps raw coordinates when asked not to normalise', async () => {
    const { records } = await readAll(sharedData('quickdraw/raw-ndjson/cat.ndjson'), { normalizeRaw: false });
    const xs = drawings(records).flatMap((d) => d.strokes.flatMap((s) => s.x));
    expect(xs.some((x) => !Number.isInteger(x) || x > 255)).toBe(true);
  });
});

describe('numpy bitmaps', () => {
  it.each(['cat', 'fish', 'apple', 'bicycle', 'eye', 'diamond'])(
    'reads %s.first3000.npy (3000, 1, 784), 128-byte header',
    async (c) => {
      const { format, records, problems } = await readAll(sharedData(`quickdraw/numpy-bitmap/${c}.first3000.npy`));
      expect(format).toBe('npy-bitmap');
      expect(problems).toEqual([]);
      const im = images(records);
      expect(im).toHaveLength(3000);
      expect(im[0].byteOffset).toBe(128);
      expect(im[1].byteOffset).toBe(128 + 784);
      expect(im[0].pixels).toHaveLength(784);
      expect(Math.max(...im[0].pixels)).toBeGreaterThan(200);
    },
  );
});

describe('IDX', () => {
  it('reads MNIST t10k images with their labels: the known counts per digit', async () => {
    const labels = (await readAll(sharedData('mnist/t10k-labels-idx1-ubyte.gz'))).records.map((r) =>
      r.kind === 'label' ? r.label : -1,
    );
    expect(labels).toHaveLength(10000);
    const counts = new Array<number>(10).fill(0);
    for (const l of labels) counts[l]++;
    expect(counts).toEqual([980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    const { format, records, problems } = await readAll(sharedData('mnist/t10k-images-idx3-ubyte.gz'), {
      labels: Uint8Array.from(labels),
    });
    expect(format).toBe('idx-images');
    expect(problems).toEqual([]);
    const im = images(records);
    expect(im).toHaveLength(10000);
    expect(im[0]).toMatchObject({ width: 28, height: 28, label: 7, byteOffset: 16 });
  });

  it('reads Fashion-MNIST train (60k, gzip): first image is an ankle boot', async () => {
    const labels = (await readAll(sharedData('fashion-mnist/train-labels-idx1-ubyte.gz'))).records;
    expect(labels).toHaveLength(60000);
    expect(labels[0]).toMatchObject({ kind: 'label', label: 9 });
    const { records } = await readAll(sharedData('fashion-mnist/train-images-idx3-ubyte.gz'), { limit: 5 });
    expect(images(records)).toHaveLength(5);
  });
});

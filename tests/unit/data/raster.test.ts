import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRasterizer, rasterize } from '../../../src/engine/data/raster/rasterize';
import { normalizeCanvasStrokes } from '../../../src/engine/data/raster/normalize';
import { bitmapToUnit } from '../../../src/engine/data/raster/bitmap';
import { drawSegment } from '../../../src/engine/data/raster/line-coverage';
import { readFileSync } from 'node:fs';
import type { Stroke } from '../../../src/shared/types/drawing';
import { sharedData } from '../../helpers/shared-data';
import { drawings, images, readAll } from './read-all';

function pearson(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i];
    sb += b[i];
  }
  const ma = sa / n;
  const mb = sb / n;
  let c = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < n; i++) {
    const x = a[i] - ma;
    const y = b[i] - mb;
    c += x * y;
    va += x * x;
    vb += y * y;
  }
  return c / Math.sqrt(va * vb);
}

describe('quickdraw28 fidelity against the official numpy bitmaps', () => {
  // Needs ../shared/data: drawing i of simplified <c>.ndjson is row i of <c>.first3000.npy.
  it('mean Pearson correlation over 6 categories × 25 drawings is at least 0.95', async () => {
    const raster = createRasterizer('quickdraw28');
    const perCategory: Record<string, number> = {};
    let sum = 0;
    let pairs = 0;
    for (const c of ['apple', 'bicycle', 'cat', 'diamond', 'eye', 'fish']) {
      const ds = drawings((await readAll(sharedData(`quickdraw/simplified-ndjson/${c}.ndjson`))).records);
      const bs = images(
        (await readAll(sharedData(`quickdraw/numpy-bitmap/${c}.first3000.npy`), { limit: 25 })).records,
      );
      let catSum = 0;
      for (let i = 0; i < 25; i++) catSum += pearson(raster.render(ds[i].strokes), bs[i].pixels);
      perCategory[c] = catSum / 25;
      sum += catSum;
      pairs += 25;
    }
    const mean = sum / pairs;
    console.log(`quickdraw28 fidelity: mean Pearson r = ${mean.toFixed(4)} over ${pairs} pairs`, perCategory);
    expect(pairs).toBe(150);
    expect(mean).toBeGreaterThanOrEqual(0.95);
  });
});

describe('rasterizer', () => {
  const square = [{ x: [0, 255, 255, 0, 0], y: [0, 0, 255, 255, 0] }];

  it('renders into [0, 1] with 0 background, sizes 28 and 32', () => {
    for (const [recipe, size] of [
      ['quickdraw28', 28],
      ['cookbook32', 32],
    ] as const) {
      const out = rasterize(square, recipe);
      expect(out).toHaveLength(size * size);
      expect(Math.max(...out)).toBe(1);
      expect(Math.min(...out)).toBe(0);
      expect(out[Math.floor(size / 2) * size + Math.floor(size / 2)]).toBe(0); // hollow middle
    }
  });

  it('cookbook32 puts coordinate p on pixel p // 8 with a ~2 px line', () => {
    const out = rasterize([{ x: [0, 255], y: [80, 80] }], 'cookbook32'); // row 10
    const row = (r: number) => Array.from(out.subarray(r * 32, r * 32 + 32));
    expect(Math.min(...row(10).slice(1, 31))).toBe(1);
    const ink = out.reduce((a, b) => a + b, 0);
    expect(ink / 32).toBeGreaterThan(1.5); // line width about 2
    expect(ink / 32).toBeLessThan(2.6);
    expect(Math.max(...row(13))).toBe(0);
  });

  it('quickdraw28 centres the bounding box, longer side ~24 px', () => {
    const out = rasterize([{ x: [100, 200], y: [50, 50] }], 'quickdraw28'); // horizontal line
    const cols = [...Array(28).keys()].filter((x) => out[14 * 28 + x] > 0.5 || out[13 * 28 + x] > 0.5);
    expect(cols[0]).toBeGreaterThanOrEqual(1);
    expect(cols[0]).toBeLessThanOrEqual(3);
    expect(cols[cols.length - 1]).toBeGreaterThanOrEqual(24);
    expect(cols[cols.length - 1]).toBeLessThanOrEqual(26);
  });

  it('cookbook32 stamps give exactly what drawing every segment by distance gives', async () => {
    const reference = (strokes: Stroke[]): Float32Array => {
      const buf = new Float32Array(1024);
      for (const s of strokes) {
        const px = s.x.map((v) => Math.floor(v / 8) + 0.5);
        const py = s.y.map((v) => Math.floor(v / 8) + 0.5);
        if (px.length === 1) drawSegment(buf, 32, px[0], py[0], px[0], py[0], 1);
        for (let i = 1; i < px.length; i++) drawSegment(buf, 32, px[i - 1], py[i - 1], px[i], py[i], 1);
      }
      return buf;
    };
    const ds = drawings((await readAll(sharedData('quickdraw/simplified-ndjson/bicycle.ndjson'))).records);
    const r = createRasterizer('cookbook32');
    const edge = [
      { x: [0, 255, 255, 0], y: [0, 255, 0, 0] },
      { x: [128], y: [128] },
      { x: [7, 7, 7], y: [0, 3, 5] },
    ];
    const same = (strokes: Stroke[]) => {
      const got = r.render(strokes);
      const want = reference(strokes);
      for (let i = 0; i < 1024; i++) expect(Math.abs(got[i] - want[i])).toBeLessThan(1e-6);
    };
    for (const strokes of [...ds.map((d) => d.strokes), edge]) same(strokes);
    // Random polylines, with repeated and revisited points (coordinates 0–255).
    const coord = fc.integer({ min: 0, max: 255 });
    const stroke = fc
      .array(fc.tuple(coord, coord), { minLength: 1, maxLength: 12 })
      .chain((pts) => fc.constant({ x: pts.map((p) => p[0]), y: pts.map((p) => p[1]) }));
    fc.assert(
      fc.property(fc.array(stroke, { minLength: 1, maxLength: 4 }), (strokes) => same(strokes)),
      { numRuns: 300 },
    );
  });

  it('renders a .bin record from its bytes exactly as from its strokes', async () => {
    const path = sharedData('quickdraw/binary/dog.truncated-8192.bin');
    const bytes = readFileSync(path);
    const ds = drawings((await readAll(path)).records);
    for (const recipe of ['quickdraw28', 'cookbook32'] as const) {
      const r = createRasterizer(recipe);
      for (const d of ds)
        expect(Array.from(r.renderBinRecord(bytes, d.byteOffset))).toEqual(Array.from(r.render(d.strokes)));
    }
  });

  it('handles empty drawings, single points and reuses its buffer', () => {
    const r = createRasterizer('quickdraw28');
    const buf = new Float32Array(784).fill(0.5);
    expect(r.render([], buf).every((v) => v === 0)).toBe(true);
    expect(Math.max(...r.render([{ x: [10], y: [10] }]))).toBeGreaterThan(0.5);
    const bytes = r.renderBytes(square);
    expect(Math.max(...bytes)).toBe(255);
  });

  it('pads 28×28 bitmaps into 32×32 by 2 px', () => {
    const px = new Uint8Array(784).fill(255);
    const out = bitmapToUnit(px, 28, 28, 32);
    expect(out[0]).toBe(0);
    expect(out[2 * 32 + 2]).toBe(1);
    expect(out[29 * 32 + 29]).toBe(1);
    expect(out[30 * 32 + 30]).toBe(0);
  });
});

describe('normalizeCanvasStrokes', () => {
  it('moves the bounding box to the origin, scales the longer side to 255 and simplifies', () => {
    const xs = Array.from({ length: 101 }, (_, i) => 1000 + i * 5);
    const ys = xs.map(() => 300); // a straight line: RDP keeps only its ends
    const out = normalizeCanvasStrokes([
      { x: xs, y: ys },
      { x: [1000, 1000], y: [300, 400] },
    ]);
    expect(out[0]).toEqual({ x: [0, 255], y: [0, 0] });
    expect(out[1]).toEqual({ x: [0, 0], y: [0, 51] });
  });

  it('gives what the simplified data has for raw drawings (same key_id, similar picture)', async () => {
    const raw = drawings((await readAll(sharedData('quickdraw/raw-ndjson/cat.ndjson'))).records);
    const simplified = drawings((await readAll(sharedData('quickdraw/simplified-ndjson/cat.ndjson'))).records);
    const r = createRasterizer('quickdraw28');
    let sum = 0;
    for (let i = 0; i < 25; i++)
      sum += pearson(r.render(raw[i].strokes), Float32Array.from(r.render(simplified[i].strokes)));
    expect(sum / 25).toBeGreaterThan(0.9);
  });

  it('keeps the times of the points it keeps and drops empty strokes', () => {
    const out = normalizeCanvasStrokes([
      { x: [0, 5, 10], y: [0, 0, 0], t: [0, 10, 20] },
      { x: [], y: [] },
    ]);
    expect(out).toEqual([{ x: [0, 255], y: [0, 0], t: [0, 20] }]);
  });
});

import { describe, expect, test } from 'vitest';
import {
  CAT_FACE_COUNT,
  CAT_FACE_ERRORS,
  CAT_FACE_SEED,
  DETAILS,
  detailRegions,
  generateCatFaces,
  type CatFace,
  type FacePart,
} from '../../../bench/quality/fidelity/cat-faces';
import { detailKept } from '../../../bench/quality/fidelity/sketch-score';
import { normalizeCanvasStrokes, rasterize } from '../../../src/engine/data/index';
import { CANVAS_SIZE } from '../../../src/renderer/src/lib/workbench-geometry';

const faces = generateCatFaces(CAT_FACE_COUNT, CAT_FACE_SEED);
const strokesOf = (face: CatFace, part: FacePart) => face.strokes.filter((_, i) => face.parts[i].part === part);
const sideOf = (face: CatFace, part: FacePart) => face.parts.filter((p) => p.part === part).map((p) => p.side);

describe('the stroke-drawn cat faces', () => {
  test('at least 20, the same for the same seed, others for another', () => {
    expect(CAT_FACE_COUNT).toBeGreaterThanOrEqual(20);
    expect(faces).toHaveLength(CAT_FACE_COUNT);
    expect(generateCatFaces(CAT_FACE_COUNT, CAT_FACE_SEED)).toEqual(faces);
    expect(generateCatFaces(3, CAT_FACE_SEED + 1)).not.toEqual(faces.slice(0, 3));
  });

  test('are canvas input: whole pixels on the 360-px stage, a few pixels apart, one label per stroke', () => {
    for (const face of faces) {
      expect(face.parts).toHaveLength(face.strokes.length);
      for (const s of face.strokes) {
        expect(s.x.length).toBe(s.y.length);
        expect(s.x.length).toBeGreaterThan(1);
        for (const v of [...s.x, ...s.y]) {
          expect(Number.isInteger(v)).toBe(true);
          expect(v).toBeGreaterThanOrEqual(0);
          expect(v).toBeLessThanOrEqual(CANVAS_SIZE);
        }
        for (let i = 1; i < s.x.length; i++)
          expect(Math.hypot(s.x[i] - s.x[i - 1], s.y[i] - s.y[i - 1])).toBeLessThan(14);
      }
    }
  });

  test('each has a closed head, two ears, two eyes, a nose and three whiskers a side', () => {
    for (const face of faces) {
      const [head, ...moreHeads] = strokesOf(face, 'head');
      expect(moreHeads).toHaveLength(0);
      const n = head.x.length - 1;
      const width = Math.max(...head.x) - Math.min(...head.x);
      expect(Math.hypot(head.x[n] - head.x[0], head.y[n] - head.y[0])).toBeLessThan(0.3 * width);
      const ears = sideOf(face, 'ear');
      expect(ears.length === 1 ? ears : [...ears].sort()).toEqual(ears.length === 1 ? ['middle'] : ['left', 'right']);
      expect(sideOf(face, 'eye').sort()).toEqual(['left', 'right']);
      expect(sideOf(face, 'nose')).toEqual(['middle']);
      expect(sideOf(face, 'mouth').length).toBeLessThanOrEqual(1);
      expect(sideOf(face, 'whisker').sort()).toEqual(['left', 'left', 'left', 'right', 'right', 'right']);
      // The ears stand above the head; the whiskers reach out past it on both sides.
      const top = (part: FacePart) => Math.min(...strokesOf(face, part).flatMap((s) => s.y));
      expect(top('ear')).toBeLessThan(top('head'));
      const xs = (part: FacePart) => strokesOf(face, part).flatMap((s) => s.x);
      expect(Math.min(...xs('whisker'))).toBeLessThan(Math.min(...xs('head')));
      expect(Math.max(...xs('whisker'))).toBeGreaterThan(Math.max(...xs('head')));
    }
    // Both ways of drawing the ears occur.
    expect(new Set(faces.map((f) => sideOf(f, 'ear').length))).toEqual(new Set([1, 2]));
  });

  test('at 28 px every face shows its eyes and whiskers; its own raster keeps them and a grey one none', () => {
    const px = 28 * 28;
    const inputs = new Float32Array(faces.length * px);
    faces.forEach((f, i) => inputs.set(rasterize(normalizeCanvasStrokes(f.strokes), 'quickdraw28'), i * px));
    for (const detail of DETAILS) {
      const regions = faces.map((f) => detailRegions(f, detail, 'quickdraw28'));
      expect(detailKept(inputs, inputs, 28, regions)).toEqual({ kept: faces.length, of: faces.length });
      const grey = new Float32Array(inputs.length).fill(0.5);
      expect(detailKept(inputs, grey, 28, regions).kept).toBe(0);
      // A region is ink of the input that is the detail's own.
      regions.forEach((parts, n) => {
        for (const r of parts) r.forEach((v, i) => v && expect(inputs[n * px + i]).toBeGreaterThanOrEqual(0.5));
      });
    }
  });

  test('a region per stroke: two eyes, six whiskers, no pixel in two of them', () => {
    for (const face of faces.slice(0, 10)) {
      const eyes = detailRegions(face, 'eyes', 'quickdraw28');
      const whiskers = detailRegions(face, 'whiskers', 'quickdraw28');
      expect([eyes.length, whiskers.length]).toEqual([2, 6]);
      const owners = new Uint8Array(28 * 28);
      for (const r of [...eyes, ...whiskers]) r.forEach((v, i) => (owners[i] += v));
      expect(Math.max(...owners)).toBe(1);
    }
  });

  test("a face's eyes lie where its eye strokes are drawn", () => {
    const face = faces[0];
    const [left, right] = detailRegions(face, 'eyes', 'quickdraw28');
    const meanX = (r: Uint8Array) => {
      const xs = [...r.keys()].filter((i) => r[i]).map((i) => i % 28);
      return xs.reduce((a, b) => a + b, 0) / xs.length;
    };
    expect(meanX(left)).toBeLessThan(meanX(right));
    // Without the eyes, the region has no ink of its own.
    const eyeless: CatFace = {
      strokes: face.strokes.filter((_, i) => face.parts[i].part !== 'eye'),
      parts: face.parts.filter((p) => p.part !== 'eye'),
    };
    for (const r of detailRegions(eyeless, 'eyes', 'quickdraw28')) expect(r.some((v) => v === 1)).toBe(false);
  });

  test('a recipe that moves the ink by its centre of mass is refused', () => {
    expect(() => detailRegions(faces[0], 'eyes', 'mnist28')).toThrow(CAT_FACE_ERRORS.movedRecipe('mnist28'));
  });
});

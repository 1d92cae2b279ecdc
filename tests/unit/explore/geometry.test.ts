import { describe, expect, test } from 'vitest';
import {
  boundsOf,
  cellAt,
  fitStrokes,
  nextFrame,
  normalised,
  PointIndex,
  screenPoints,
  toScreen,
} from '../../../src/renderer/src/lib/explore-geometry';

describe('explore plot geometry', () => {
  test('bounds are padded and never zero-sized; non-finite points are skipped', () => {
    expect(boundsOf([0, 0, 10, 20], 2, 0.1)).toEqual({ xmin: -1, xmax: 11, ymin: -2, ymax: 22 });
    const single = boundsOf([3, 3], 1);
    expect(single.xmax).toBeGreaterThan(single.xmin);
    expect(boundsOf([NaN, 1, 0, 0, 2, 2], 3, 0)).toEqual({ xmin: 0, xmax: 2, ymin: 0, ymax: 2 });
  });

  test('data → screen flips y and respects the margin', () => {
    const frame = { bounds: { xmin: 0, xmax: 1, ymin: 0, ymax: 1 }, width: 120, height: 120, margin: 10 };
    expect(toScreen(frame, 0, 0)).toEqual([10, 110]);
    expect(toScreen(frame, 1, 1)).toEqual([110, 10]);
  });

  test('the grid index finds the nearest point within the radius, and nothing beyond it', () => {
    const frame = { bounds: { xmin: 0, xmax: 100, ymin: 0, ymax: 100 }, width: 100, height: 100, margin: 0 };
    const points = Float32Array.from({ length: 2000 * 2 }, (_, i) => (i * 37.77) % 100);
    const screen = screenPoints(frame, points, 2000);
    const index = new PointIndex(screen);
    for (const [x, y] of [
      [10, 10],
      [55.5, 40.2],
      [99, 1],
    ]) {
      let best = -1;
      let bestD = 8 * 8;
      for (let i = 0; i < 2000; i++) {
        const d = (screen[i * 2] - x) ** 2 + (screen[i * 2 + 1] - y) ** 2;
        if (d <= bestD) [best, bestD] = [i, d];
      }
      const found = index.nearest(x, y, 8);
      if (best < 0) expect(found).toBe(-1);
      else expect((screen[found * 2] - x) ** 2 + (screen[found * 2 + 1] - y) ** 2).toBeCloseTo(bestD, 5);
    }
    expect(new PointIndex(new Float32Array([50, 50])).nearest(10, 10, 8)).toBe(-1);
  });

  test('cells of a tiling, frames of a Play, blend weights', () => {
    expect(cellAt(0, 0, 300, 300, 15, 15)).toBe(0);
    expect(cellAt(299, 299, 300, 300, 15, 15)).toBe(224);
    expect(cellAt(25, 0, 300, 300, 15, 15)).toBe(1);
    expect(cellAt(-1, 5, 300, 300, 15, 15)).toBe(-1);
    expect(nextFrame(0, 3)).toBe(1);
    expect(nextFrame(2, 3)).toBe(-1);
    expect(normalised([1, 1, 2])).toEqual([0.25, 0.25, 0.5]);
    expect(normalised([0, 0])).toEqual([0, 0]);
  });

  test('strokes in 0–255 are fitted into the canvas, centred, keeping their shape', () => {
    const [stroke] = fitStrokes([{ x: [0, 255], y: [0, 127.5] }], 360, 30);
    expect(stroke.x).toEqual([30, 330]);
    expect(stroke.y[0]).toBeCloseTo(105, 5);
    expect(stroke.y[1]).toBeCloseTo(255, 5);
  });
});

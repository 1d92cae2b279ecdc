import { describe, expect, test } from 'vitest';
import {
  flatPoints,
  localPoint,
  segmentDistanceSq,
  shouldKeepPoint,
  strokesTouchedAlong,
  strokeTouches,
} from '../../../src/renderer/src/lib/geometry';

const horizontal = { x: [0, 100], y: [50, 50] };
const vertical = { x: [200, 200], y: [0, 100] };

describe('eraser geometry', () => {
  test('distance to a segment uses the nearest point, ends included', () => {
    expect(segmentDistanceSq({ x: 50, y: 60 }, { x: 0, y: 50 }, { x: 100, y: 50 })).toBe(100);
    expect(segmentDistanceSq({ x: 110, y: 50 }, { x: 0, y: 50 }, { x: 100, y: 50 })).toBe(100);
    expect(segmentDistanceSq({ x: 3, y: 4 }, { x: 0, y: 0 }, { x: 0, y: 0 })).toBe(25);
  });

  test('a stroke is touched within the radius only', () => {
    expect(strokeTouches(horizontal, { x: 50, y: 58 }, 10)).toBe(true);
    expect(strokeTouches(horizontal, { x: 50, y: 70 }, 10)).toBe(false);
    expect(strokeTouches({ x: [5], y: [5] }, { x: 8, y: 9 }, 5)).toBe(true);
  });

  test('a fast eraser move between two samples still hits the stroke it crossed', () => {
    // Both ends are 40 px away from the horizontal stroke; the path crosses it.
    expect(strokesTouchedAlong([horizontal, vertical], { x: 50, y: 10 }, { x: 50, y: 90 }, 5)).toEqual([0]);
    expect(strokesTouchedAlong([horizontal, vertical], { x: 0, y: 60 }, { x: 300, y: 40 }, 5).sort()).toEqual([0, 1]);
    expect(strokesTouchedAlong([horizontal], { x: 150, y: 0 }, { x: 150, y: 100 }, 5)).toEqual([]);
  });
});

describe('pointer helpers', () => {
  test('local points are clamped to the element', () => {
    const rect = { left: 10, top: 20, width: 100, height: 100 };
    expect(localPoint(60, 70, rect)).toEqual({ x: 50, y: 50 });
    expect(localPoint(0, 500, rect)).toEqual({ x: 0, y: 100 });
  });

  test('points closer than the minimum distance are skipped', () => {
    expect(shouldKeepPoint(undefined, { x: 0, y: 0 })).toBe(true);
    expect(shouldKeepPoint({ x: 0, y: 0 }, { x: 0.5, y: 0.5 })).toBe(false);
    expect(shouldKeepPoint({ x: 0, y: 0 }, { x: 1, y: 0 })).toBe(true);
  });

  test('a single-point stroke becomes a paintable dot', () => {
    expect(flatPoints({ x: [1, 2], y: [3, 4] })).toEqual([1, 3, 2, 4]);
    expect(flatPoints({ x: [5], y: [6] })).toHaveLength(4);
  });
});

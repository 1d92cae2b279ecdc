import { describe, expect, test } from 'vitest';
import { normalizeCanvasStrokes } from '../../../src/engine/data/index';
import { augmentDigits, DIGIT_AUGMENT } from '../../../src/engine/data/raster/augment';
import { rasterize } from '../../../src/engine/data/raster/rasterize';

const ink = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

describe('digit augmentation', () => {
  const seven = rasterize(normalizeCanvasStrokes([{ x: [0, 255, 100], y: [0, 0, 300] }]), 'mnist28');
  const eight = rasterize(
    normalizeCanvasStrokes([{ x: [100, 0, 200, 100, 0, 200, 100], y: [0, 80, 200, 300, 200, 80, 0] }]),
    'mnist28',
  );
  const src = new Float32Array(2 * 784);
  src.set(seven, 0);
  src.set(eight, 784);

  test('is the same for the same seed and differs for another', () => {
    const a = new Float32Array(src.length);
    const b = new Float32Array(src.length);
    const c = new Float32Array(src.length);
    augmentDigits(src, 2, 28, 5, a);
    augmentDigits(src, 2, 28, 5, b);
    augmentDigits(src, 2, 28, 6, c);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  test('moves the digit but keeps it a digit: ink in [0, 1], about as much of it, inside the frame', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const out = new Float32Array(src.length);
      augmentDigits(src, 2, 28, seed, out);
      for (let n = 0; n < 2; n++) {
        const before = src.subarray(n * 784, (n + 1) * 784);
        const after = out.subarray(n * 784, (n + 1) * 784);
        expect(after).not.toEqual(before);
        expect(Math.min(...after)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...after)).toBeLessThanOrEqual(1);
        expect(ink(after) / ink(before)).toBeGreaterThan(0.5);
        expect(ink(after) / ink(before)).toBeLessThan(1.8);
      }
    }
  });

  test('with no range it gives back the image', () => {
    const out = new Float32Array(src.length);
    augmentDigits(src, 2, 28, 1, out, { scale: 0, aspect: 0, shear: 0, rotate: 0, shift: 0, stroke: 0 });
    for (let i = 0; i < src.length; i++) expect(out[i]).toBeCloseTo(src[i], 5);
    expect(DIGIT_AUGMENT.shear).toBeGreaterThan(0);
  });

  test('aspect alone makes a digit narrower or wider, never taller', () => {
    const box = (image: Float32Array) => {
      let left = 28;
      let right = -1;
      let top = 28;
      let bottom = -1;
      for (let y = 0; y < 28; y++)
        for (let x = 0; x < 28; x++)
          if (image[y * 28 + x] > 0.3) {
            left = Math.min(left, x);
            right = Math.max(right, x);
            top = Math.min(top, y);
            bottom = Math.max(bottom, y);
          }
      return { width: right - left, height: bottom - top };
    };
    const before = box(eight);
    const widths = new Set<number>();
    for (let seed = 1; seed <= 12; seed++) {
      const out = new Float32Array(784);
      augmentDigits(eight, 1, 28, seed, out, { scale: 0, aspect: 0.3, shear: 0, rotate: 0, shift: 0, stroke: 0 });
      expect(box(out).height).toBe(before.height);
      widths.add(box(out).width);
    }
    expect(Math.min(...widths)).toBeLessThan(before.width);
    expect(Math.max(...widths)).toBeGreaterThan(before.width);
  });
});

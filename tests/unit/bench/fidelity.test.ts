import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { DRAWN_DIGITS_FIXTURE, generateDrawnDigits } from '../../../bench/quality/fidelity/drawn-digits';
import { meanStats } from '../../../bench/quality/fidelity/raster-stats';
import { meanBce } from '../../../bench/quality/fidelity/score';
import type { Stroke } from '../../../src/shared/types/drawing';
import { normalizeCanvasStrokes, rasterize } from '../../../src/engine/data/index';

describe('the drawn-digit set', () => {
  const fixture = JSON.parse(readFileSync(DRAWN_DIGITS_FIXTURE, 'utf8')) as {
    seed: number;
    perDigit: number;
    drawings: { label: number; strokes: Stroke[] }[];
  };

  test('is what the generator makes for its seed, every digit as often', () => {
    expect(fixture.drawings).toEqual(generateDrawnDigits(fixture.perDigit, fixture.seed));
    for (let d = 0; d <= 9; d++) expect(fixture.drawings.filter((x) => x.label === d)).toHaveLength(fixture.perDigit);
    expect(generateDrawnDigits(2, fixture.seed + 1)).not.toEqual(generateDrawnDigits(2, fixture.seed));
  });

  test('is canvas input: pixel coordinates on a 360-px stage, points a few pixels apart', () => {
    for (const d of fixture.drawings) {
      for (const s of d.strokes) {
        expect(s.x.length).toBe(s.y.length);
        expect(s.x.length).toBeGreaterThan(1);
        for (const v of [...s.x, ...s.y]) expect(v).toBeGreaterThanOrEqual(0);
        for (const v of [...s.x, ...s.y]) expect(v).toBeLessThanOrEqual(360);
      }
    }
  });

  test('looks like MNIST once rasterized: about 20 px tall, ink and stroke near MNIST means', () => {
    const images = new Float32Array(fixture.drawings.length * 784);
    fixture.drawings.forEach((d, i) => images.set(rasterize(normalizeCanvasStrokes(d.strokes), 'mnist28'), i * 784));
    const s = meanStats(images, fixture.drawings.length, 28);
    // MNIST t10k: box height 19.8, ink 103, stroke 2.06 px, centre of mass (14, 14)
    expect(s.boxHeight).toBeGreaterThan(19);
    expect(s.boxHeight).toBeLessThan(21);
    expect(s.ink).toBeGreaterThan(80);
    expect(s.ink).toBeLessThan(125);
    expect(s.strokeWidth).toBeGreaterThan(1.8);
    expect(s.strokeWidth).toBeLessThan(2.5);
    expect(s.centreY).toBeCloseTo(14, 0);
  });
});

describe('fidelity figures', () => {
  test('mean BCE: 0 for a perfect binary reconstruction, ln 2 for a grey one', () => {
    const x = Float32Array.from([0, 1, 1, 0]);
    expect(meanBce(x, x)).toBeLessThan(1e-6);
    expect(meanBce(x, new Float32Array(4).fill(0.5))).toBeCloseTo(Math.LN2, 6);
  });

  test('raster statistics of a known image', () => {
    const image = new Float32Array(784);
    for (let y = 4; y < 24; y++) for (let x = 13; x < 15; x++) image[y * 28 + x] = 1; // a 2×20 bar
    const s = meanStats(image, 1, 28);
    expect(s.ink).toBe(40);
    expect(s.boxWidth).toBe(2);
    expect(s.boxHeight).toBe(20);
    expect(s.centreX).toBeCloseTo(13.5, 6);
    expect(s.slant).toBeCloseTo(0, 6);
    expect(s.strokeWidth).toBeCloseTo((2 * 40) / 44, 6);
    expect(s.touchesBorder).toBe(0);
  });
});

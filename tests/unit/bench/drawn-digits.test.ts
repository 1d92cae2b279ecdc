import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  DIGIT_STYLES,
  DRAWN_DIGITS_FIXTURE,
  FIXTURE_PER_DIGIT,
  FIXTURE_SEED,
  generateDrawnDigits,
  stylesOf,
  type DrawnDigit,
} from '../../../bench/quality/fidelity/drawn-digits';
import type { Judge } from '../../../bench/quality/fidelity/judge';
import { perDigitLines, perDigitMarkdown, WEAKEST_STYLES } from '../../../bench/quality/fidelity/per-digit';
import { judgeShares, type ImageSet, type SetScore } from '../../../bench/quality/fidelity/score';
import { normalizeCanvasStrokes } from '../../../src/engine/data/index';
import { CANVAS_SIZE } from '../../../src/renderer/src/lib/workbench-geometry';

const mostStyles = Math.max(...Array.from({ length: 10 }, (_, d) => stylesOf(d).length));

describe('drawn digits in styles', () => {
  test('several named styles per digit, each named after its digit', () => {
    const names = DIGIT_STYLES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    for (const s of DIGIT_STYLES) expect(s.name.startsWith(`${s.label}-`)).toBe(true);
    for (let d = 0; d <= 9; d++) expect(stylesOf(d).length).toBeGreaterThanOrEqual(2);
    for (const name of ['1-flag-foot', '7-crossed', '7-serif-crossed', '0-tail', '4-open', '9-looped'])
      expect(names).toContain(name);
  });

  test('the same drawings for the same seed, others for another', () => {
    const a = generateDrawnDigits(3, 11);
    expect(generateDrawnDigits(3, 11)).toEqual(a);
    expect(generateDrawnDigits(3, 12)).not.toEqual(a);
  });

  test('every style drawn once perDigit reaches a digit’s style count, and styles spread evenly', () => {
    const drawn = generateDrawnDigits(mostStyles, 3);
    expect(new Set(drawn.map((d) => d.style))).toEqual(new Set(DIGIT_STYLES.map((s) => s.name)));
    const seven = generateDrawnDigits(7, 3);
    for (let d = 0; d <= 9; d++) {
      const counts = stylesOf(d).map((s) => seven.filter((x) => x.style === s.name && x.label === d).length);
      expect(counts.reduce((a, b) => a + b)).toBe(7);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  test('every point is a whole pixel on the stage, none pushed against its edge', () => {
    const drawn = generateDrawnDigits(40, 5);
    for (const d of drawn) {
      expect(d.strokes.length).toBe(DIGIT_STYLES.find((s) => s.name === d.style)?.strokes.length);
      for (const s of d.strokes) {
        expect(s.x.length).toBe(s.y.length);
        expect(s.x.length).toBeGreaterThan(1);
      }
    }
    const values = drawn.flatMap((d) => d.strokes.flatMap((s) => [...s.x, ...s.y]));
    expect(values.filter((v) => !Number.isInteger(v))).toEqual([]);
    // A point on the edge would be one the stage cut off.
    expect(values.reduce((a, b) => Math.min(a, b))).toBeGreaterThan(0);
    expect(values.reduce((a, b) => Math.max(a, b))).toBeLessThan(CANVAS_SIZE);
  });

  test('no two drawings of a style share a shape, even once scaled and placed alike', () => {
    const drawn = generateDrawnDigits(2 * mostStyles, 9);
    // Quick, Draw!'s normalisation takes away placement and size: what is left is the shape.
    const shapes = drawn.map((d) => JSON.stringify(normalizeCanvasStrokes(d.strokes)));
    expect(new Set(shapes).size).toBe(drawn.length);
  });

  test('the fixture is the generator’s output for its own seed, every drawing named by a style of its digit', () => {
    const fixture = JSON.parse(readFileSync(DRAWN_DIGITS_FIXTURE, 'utf8')) as {
      seed: number;
      perDigit: number;
      drawings: DrawnDigit[];
    };
    expect(fixture.seed).toBe(FIXTURE_SEED);
    expect(fixture.perDigit).toBe(FIXTURE_PER_DIGIT);
    expect(fixture.drawings).toHaveLength(10 * FIXTURE_PER_DIGIT);
    for (const d of fixture.drawings) expect(stylesOf(d.label).map((s) => s.name)).toContain(d.style);
    // Every drawing: a change to any style leaves the fixture stale, and this says so.
    expect(fixture.drawings).toEqual(generateDrawnDigits(FIXTURE_PER_DIGIT, FIXTURE_SEED));
  });
});

/** A judge that reads the digit written in an image's first pixel (digit / 10). */
const firstPixelJudge: Judge = {
  read(images, count) {
    return Int32Array.from({ length: count }, (_, i) => Math.round(images[i * 784] * 10));
  },
  dispose() {},
};

function imagesReading(digits: number[]): Float32Array {
  const out = new Float32Array(digits.length * 784);
  digits.forEach((d, i) => (out[i * 784] = d / 10));
  return out;
}

describe('kept shares per digit and per style', () => {
  const labels = [1, 1, 1, 7, 7, 4];
  const styles = ['1-stick', '1-flag-foot', '1-flag-foot', '7-crossed', '7-crossed', '4-open'];
  const set: ImageSet = {
    images: imagesReading([1, 1, 2, 7, 7, 4]),
    labels: Int32Array.from(labels),
    count: labels.length,
    styles,
  };
  const outputs = imagesReading([1, 4, 4, 3, 7, 4]);

  test('tallies what the judge reads in the inputs and in the reconstructions', () => {
    const shares = judgeShares(firstPixelJudge, set, outputs);
    expect(shares.kept).toBeCloseTo(3 / 6, 12);
    expect(shares.judgeOnInputs).toBeCloseTo(5 / 6, 12);
    expect(shares.perDigit).toEqual([
      { label: 1, count: 3, kept: 1 / 3, judgeOnInputs: 2 / 3, misreadAs: 4 },
      { label: 4, count: 1, kept: 1, judgeOnInputs: 1 },
      { label: 7, count: 2, kept: 1 / 2, judgeOnInputs: 1, misreadAs: 3 },
    ]);
    expect(shares.perStyle).toEqual([
      { style: '1-stick', label: 1, count: 1, kept: 1, judgeOnInputs: 1 },
      { style: '1-flag-foot', label: 1, count: 2, kept: 0, judgeOnInputs: 1 / 2, misreadAs: 4 },
      { style: '7-crossed', label: 7, count: 2, kept: 1 / 2, judgeOnInputs: 1, misreadAs: 3 },
      { style: '4-open', label: 4, count: 1, kept: 1, judgeOnInputs: 1 },
    ]);
  });

  test('a set without styles has no per-style figures', () => {
    const shares = judgeShares(firstPixelJudge, { ...set, styles: undefined }, outputs);
    expect(shares.perStyle).toBeUndefined();
    expect(shares.perDigit).toHaveLength(3);
  });
});

describe('per-digit tables', () => {
  const pairs = { inputs: new Float32Array(0), outputs: new Float32Array(0), count: 0 };
  const score = (perDigitKept: number[], perStyleKept: number[] = []): SetScore => ({
    count: 100,
    bce: 0.1,
    pairs,
    kept: 0.9,
    judgeOnInputs: 0.95,
    perDigit: perDigitKept.map((kept, label) => ({ label, count: 10, kept, judgeOnInputs: 1 })),
    perStyle: perStyleKept.map((kept, i) => ({
      style: `${i % 10}-style${i}`,
      label: i % 10,
      count: 5,
      kept,
      judgeOnInputs: 0.8,
      ...(kept < 1 ? { misreadAs: (i + 1) % 10 } : {}),
    })),
  });
  const styleKept = Array.from({ length: 20 }, (_, i) => (i === 7 ? 0.2 : i === 3 ? 0.4 : 0.6 + i / 100));
  const rows = [
    {
      name: 'mnist-vae',
      heldOut: score([1, 1, 1, 1, 1, 1, 1, 0.9, 1, 1]),
      drawn: score([0.9, 0.25, 1, 1, 1, 1, 0.5, 0.6, 1, 1], styleKept),
    },
    { name: 'cat-vae', heldOut: { count: 10, bce: 0.2, pairs } },
  ];

  test('one row per digit model with its kept share per drawn digit; the weakest styles first', () => {
    const md = perDigitMarkdown(rows);
    expect(md[0]).toBe('| model | 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | weakest held-out digit |');
    expect(md[2]).toBe(
      '| mnist-vae | 90.0 % | 25.0 % | 100.0 % | 100.0 % | 100.0 % | 100.0 % | 50.0 % | 60.0 % | 100.0 % | 100.0 % | 7: 90.0 % |',
    );
    expect(md.some((l) => l.includes('cat-vae'))).toBe(false);
    const styleRows = md.slice(md.indexOf('') + 3);
    expect(styleRows).toHaveLength(WEAKEST_STYLES);
    expect(styleRows[0]).toBe('| 7-style7 | 5 | 80.0 % | 20.0 % →8 |');
    expect(styleRows[1]).toBe('| 3-style3 | 5 | 80.0 % | 40.0 % →4 |');
  });

  test('the console lines say the same', () => {
    const lines = perDigitLines(rows);
    expect(lines[1]).toMatch(/^mnist-vae\s+90\.0 %\s+25\.0 %/);
    expect(lines.find((l) => l.includes('7-style7'))).toMatch(/20\.0 % →8/);
    expect(perDigitLines([rows[1]])).toEqual([]);
  });
});

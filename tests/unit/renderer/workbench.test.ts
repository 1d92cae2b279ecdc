import { describe, expect, test } from 'vitest';
import { mapBounds, mapPixel } from '../../../src/renderer/src/lib/map-bounds';
import { sweep } from '../../../src/renderer/src/lib/latent-math';
import { tabAfter } from '../../../src/renderer/src/lib/tabs';
import { axisTicks, formatValue } from '../../../src/renderer/src/lib/ticks';
import { tickAxis } from '../../../src/renderer/src/lib/chart-axis';
import {
  clampSide,
  crispSize,
  DEFAULT_SIDE,
  drawingSideLayout,
  fitSquare,
  MIN_MAIN,
  MIN_SIDE,
  SPLIT_CHROME,
} from '../../../src/renderer/src/lib/workbench-geometry';

describe('workbench split', () => {
  test('the drawing side stays between its minimum and what leaves the main area its own', () => {
    expect(clampSide(100, 1280)).toBe(MIN_SIDE);
    expect(clampSide(5000, 1280)).toBe(1280 - MIN_MAIN - SPLIT_CHROME);
    expect(clampSide(600, 1920)).toBe(600);
    expect(clampSide(Number.NaN, 1920)).toBe(DEFAULT_SIDE);
    expect(clampSide(Number.POSITIVE_INFINITY, 1920)).toBe(1920 - MIN_MAIN - SPLIT_CHROME);
    // A window narrower than both minimums still gives the canvas its room.
    expect(clampSide(600, 800)).toBe(MIN_SIDE);
  });

  test('pictures beside the canvas on a wide side, under it on a narrow one, in whole pixel multiples', () => {
    const wide = drawingSideLayout(DEFAULT_SIDE - 26, 28);
    expect(wide.beside).toBe(true);
    expect(wide.image % 28).toBe(0);
    expect(wide.image).toBeGreaterThanOrEqual(140);
    const narrow = drawingSideLayout(MIN_SIDE - 26, 28);
    expect(narrow.beside).toBe(false);
    expect(narrow.image * 2 + 12).toBeLessThanOrEqual(MIN_SIDE - 26);
    expect(narrow.image % 28).toBe(0);
  });

  test('crisp sizes are whole multiples of the image, fitted squares stay in their room', () => {
    expect(crispSize(200, 28)).toBe(196);
    expect(crispSize(20, 28)).toBe(20);
    expect(fitSquare(800, 600, 100, 200, 900)).toBe(500);
    expect(fitSquare(300, 2000, 100, 200, 900)).toBe(300);
    expect(fitSquare(100, 100, 90, 200, 900)).toBe(200);
  });
});

describe('tabs from the keyboard', () => {
  const ids = ['latent', 'concepts', 'explore'] as const;
  test('arrows move and wrap, Home and End jump, other keys are not handled', () => {
    expect(tabAfter(ids, 'latent', 'ArrowRight')).toBe('concepts');
    expect(tabAfter(ids, 'explore', 'ArrowRight')).toBe('latent');
    expect(tabAfter(ids, 'latent', 'ArrowLeft')).toBe('explore');
    expect(tabAfter(ids, 'concepts', 'Home')).toBe('latent');
    expect(tabAfter(ids, 'concepts', 'End')).toBe('explore');
    expect(tabAfter(ids, 'concepts', 'a')).toBeUndefined();
    expect(tabAfter([], 'x', 'ArrowRight')).toBeUndefined();
  });
});

describe('chart axes', () => {
  test('a small KL range gets round ticks in one format, never ".000535"', () => {
    const { values, labels } = axisTicks(0.000512, 0.000561, 4);
    expect(values.length).toBeGreaterThanOrEqual(2);
    expect(labels.every((l) => !l.startsWith('.'))).toBe(true);
    expect(new Set(labels.map((l) => l.length)).size).toBe(1);
    expect(axisTicks(0, 200, 4).labels).toEqual(['0', '50', '100', '150', '200']);
  });

  test('uPlot gets the labels of the splits it was given', () => {
    const axis = tickAxis(4);
    const splits = axis.splits(0, 1);
    expect(axis.values(splits)).toEqual(['0.0', '0.2', '0.4', '0.6', '0.8', '1.0']);
    expect(axis.values([10, 20])).toEqual(axisTicks(10, 20, 4).labels);
  });

  test('legend values read plainly', () => {
    expect(formatValue(183.456)).toBe('183.5');
    expect(formatValue(0.000535)).toBe('5.35e-4');
    expect(formatValue(null)).toBe('–');
  });
});

describe('the training map keeps one view box for the whole run', () => {
  const epoch1 = { x: new Float32Array([0.1, -0.2]), y: new Float32Array([0.05, 0]) };
  const epoch2 = { x: new Float32Array([4, -1]), y: new Float32Array([2, -5]) };

  test('code axes always show the prior’s ±3 and grow to hold every epoch', () => {
    const early = mapBounds([epoch1], 'dims');
    expect(early[0]).toBeLessThanOrEqual(-3);
    expect(early[1]).toBeGreaterThanOrEqual(3);
    const both = mapBounds([epoch1, epoch2], 'dims');
    expect(both[1]).toBeGreaterThan(4);
    expect(both[2]).toBeLessThan(-5);
    // square: a round prior stays round
    expect(both[1] - both[0]).toBeCloseTo(both[3] - both[2]);
  });

  test('principal axes fit the points alone; a point maps inside the picture', () => {
    const box = mapBounds([epoch1], 'pca');
    expect(box[1] - box[0]).toBeLessThan(1);
    const [x, y] = mapPixel(box, 100, 0.1, 0.05);
    expect(x).toBeGreaterThan(0);
    expect(x).toBeLessThan(100);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(100);
    // y grows upwards on the map
    expect(mapPixel(box, 100, 0, 0.05)[1]).toBeLessThan(mapPixel(box, 100, 0, 0)[1]);
  });

  test('a sweep covers its range end to end', () => {
    expect(sweep(-1, 1, 5)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(sweep(2, 3, 1)).toEqual([2]);
  });
});

describe('pictures under the canvas on a short window', () => {
  test('shrink to the height left, in whole multiples, never below 3× the model’s pixels', () => {
    expect(drawingSideLayout(MIN_SIDE - 26, 28, 120).image).toBe(112);
    expect(drawingSideLayout(MIN_SIDE - 26, 28, 40).image).toBe(84);
    expect(drawingSideLayout(MIN_SIDE - 26, 28, 1000).image).toBe(drawingSideLayout(MIN_SIDE - 26, 28).image);
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/engine/data/default-recipe';
import type { Stroke } from '../../../src/shared/types/drawing';
import { normalizeCanvasStrokes } from '../../../src/engine/data/index';
import { clampShift, createRasterizer, rasterize, RECIPES } from '../../../src/engine/data/raster/rasterize';

function centreOfMass(image: Float32Array, size: number): [number, number] {
  let mass = 0;
  let mx = 0;
  let my = 0;
  image.forEach((v, i) => {
    mass += v;
    mx += v * (i % size);
    my += v * Math.floor(i / size);
  });
  return [mx / mass, my / mass];
}

describe('mnist28 recipe', () => {
  // A "7": its bounding box centre is far from its centre of mass.
  const seven = normalizeCanvasStrokes([{ x: [100, 300, 180], y: [100, 100, 400] }]);

  test('centres the ink by its centre of mass at (14, 14), as MNIST was prepared', () => {
    const [cx, cy] = centreOfMass(rasterize(seven, 'mnist28'), 28);
    expect(cx).toBeCloseTo(14, 0);
    expect(cy).toBeCloseTo(14, 0);
  });

  test('fits the ink, stroke included, into about 20 px like an MNIST digit', () => {
    const image = rasterize(seven, 'mnist28');
    const rows = [...Array(28).keys()].filter((y) => image.slice(y * 28, y * 28 + 28).some((v) => v > 0.1));
    const height = rows[rows.length - 1] - rows[0] + 1;
    expect(height).toBeGreaterThanOrEqual(19);
    expect(height).toBeLessThanOrEqual(21);
  });

  test('draws strokes about 2 px wide with full ink at their core, as MNIST digits are', () => {
    const line = rasterize([{ x: [0, 255], y: [128, 128] }], 'mnist28');
    // Ink across the line in its middle column is its width in pixels.
    const across = [...Array(28).keys()].reduce((s, y) => s + line[y * 28 + 14], 0);
    expect(across).toBeGreaterThan(1.7);
    expect(across).toBeLessThan(2.6);
    expect(Math.max(...rasterize(seven, 'mnist28'))).toBe(1);
  });

  test('is the default for digit data; conv-ae keeps the Cookbook recipe; sketches keep quickdraw28', () => {
    expect(defaultRecipe('mlp-vae', ['/data/t10k-images-idx3-ubyte.gz'])).toBe('mnist28');
    expect(defaultRecipe('conv-ae', ['/data/t10k-images-idx3-ubyte.gz'])).toBe('cookbook32');
    expect(defaultRecipe('mlp-vae', ['/data/cat.npy'])).toBe('quickdraw28');
    expect(defaultRecipe('cvae', ['/data/t10k-images-idx3-ubyte.gz', '/data/cat.ndjson'])).toBe('quickdraw28');
  });
});

describe('mnist28 keeps every drawing inside the frame', () => {
  const fixture = JSON.parse(readFileSync('bench/quality/fixtures/drawn-digits.json', 'utf8')) as {
    drawings: { label: number; strokes: Stroke[] }[];
  };
  const uncentred = createRasterizer('mnist28', { ...RECIPES.mnist28, centerOfMass: false });
  const ink = (a: Float32Array) => a.reduce((s, v) => s + v, 0);

  test('every drawn 7 and 9 keeps all its ink after centring by mass', () => {
    const sevensAndNines = fixture.drawings.filter((d) => d.label === 7 || d.label === 9);
    expect(sevensAndNines.length).toBeGreaterThanOrEqual(20);
    for (const d of sevensAndNines) {
      const strokes = normalizeCanvasStrokes(d.strokes);
      const before = ink(uncentred.render(strokes));
      expect(ink(rasterize(strokes, 'mnist28'))).toBeCloseTo(before, 3);
    }
  });

  test('a 7 whose mass sits all in its top bar is moved only as far as its stem allows', () => {
    // Ten passes over the bar put nearly all the mass at the top: full centring would push
    // the stem's foot out of the bottom edge.
    const bar = Array.from({ length: 10 }, (_, i) => ({ x: [0, 255], y: [i, i] }));
    const strokes = [...bar, { x: [255, 120], y: [0, 255] }];
    const image = rasterize(strokes, 'mnist28');
    expect(ink(image)).toBeCloseTo(ink(uncentred.render(strokes)), 3);
    const bottom = Math.max(
      ...[...Array(28).keys()].filter((y) => image.slice(y * 28, y * 28 + 28).some((v) => v > 0)),
    );
    expect(bottom).toBeLessThanOrEqual(27);
    expect(image.slice(26 * 28, 28 * 28).some((v) => v > 0)).toBe(true);
  });

  test('clampShift keeps the inked span inside the frame', () => {
    expect(clampShift(5, 3, 20, 28)).toBe(5);
    expect(clampShift(9, 3, 20, 28)).toBe(7);
    expect(clampShift(-6, 3, 20, 28)).toBe(-3);
    expect(clampShift(2, 0, 27, 28)).toBe(0);
  });
});

describe('default recipe of a stored dataset', () => {
  test('follows the formats it was imported from', () => {
    expect(defaultRecipe('mlp-vae', [{ format: 'idx-images' }])).toBe('mnist28');
    expect(defaultRecipe('mlp-vae', [{ format: 'quickdraw-bin' }])).toBe('quickdraw28');
  });
});

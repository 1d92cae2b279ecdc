import { describe, expect, test } from 'vitest';
import { defaultRecipe } from '../../../src/engine/data/default-recipe';
import { normalizeCanvasStrokes } from '../../../src/engine/data/index';
import { rasterize } from '../../../src/engine/data/raster/rasterize';

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

  test('centres the ink by its centre of mass, as MNIST was prepared', () => {
    const [cx, cy] = centreOfMass(rasterize(seven, 'mnist28'), 28);
    expect(cx).toBeCloseTo(13.5, 0);
    expect(cy).toBeCloseTo(13.5, 0);
  });

  test('draws strokes about as heavy as MNIST digits (more ink than the Quick, Draw! look)', () => {
    const ink = (a: Float32Array) => a.reduce((s, v) => s + v, 0);
    expect(ink(rasterize(seven, 'mnist28'))).toBeGreaterThan(1.3 * ink(rasterize(seven, 'quickdraw28')));
    const max = Math.max(...rasterize(seven, 'mnist28'));
    expect(max).toBe(1);
  });

  test('is the default for digit data; conv-ae keeps the Cookbook recipe; sketches keep quickdraw28', () => {
    expect(defaultRecipe('mlp-vae', ['/data/t10k-images-idx3-ubyte.gz'])).toBe('mnist28');
    expect(defaultRecipe('conv-ae', ['/data/t10k-images-idx3-ubyte.gz'])).toBe('cookbook32');
    expect(defaultRecipe('mlp-vae', ['/data/cat.npy'])).toBe('quickdraw28');
    expect(defaultRecipe('cvae', ['/data/t10k-images-idx3-ubyte.gz', '/data/cat.ndjson'])).toBe('quickdraw28');
  });
});

describe('default recipe of a stored dataset', () => {
  test('follows the formats it was imported from', () => {
    expect(defaultRecipe('mlp-vae', [{ format: 'idx-images' }])).toBe('mnist28');
    expect(defaultRecipe('mlp-vae', [{ format: 'quickdraw-bin' }])).toBe('quickdraw28');
  });
});

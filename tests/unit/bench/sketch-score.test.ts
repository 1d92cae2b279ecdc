import { describe, expect, test } from 'vitest';
import { meanBce } from '../../../bench/quality/fidelity/score';
import {
  detailKept,
  inkIou,
  regionKept,
  sharpness,
  shownPairs,
  sketchFigures,
} from '../../../bench/quality/fidelity/sketch-score';

/** A size×size image with `value` at the listed [x, y] pixels and `background` elsewhere. */
function image(size: number, pixels: [number, number][], value = 1, background = 0): Float32Array {
  const out = new Float32Array(size * size).fill(background);
  for (const [x, y] of pixels) out[y * size + x] = value;
  return out;
}

describe('ink IoU', () => {
  test('pixels inked in both over pixels inked in either, ink from 0.5 up', () => {
    const input = image(4, [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
    ]);
    const output = image(4, [
      [2, 0],
      [3, 0],
      [0, 1],
      [1, 1],
    ]);
    expect(inkIou(input, output)).toBeCloseTo(2 / 6, 10);
    // 0.5 is ink, 0.49 is not.
    expect(inkIou(image(2, [[0, 0]], 0.5), image(2, [[0, 0]], 0.5))).toBe(1);
    expect(inkIou(image(2, [[0, 0]], 0.5), image(2, [[0, 0]], 0.49))).toBe(0);
  });

  test('an image blank in both counts as kept', () => {
    expect(inkIou(new Float32Array(4), new Float32Array(4).fill(0.3))).toBe(1);
  });
});

describe('sharpness', () => {
  test('share of the ink box grown by 1 px that is below 0.2 or above 0.8; outside the box does not count', () => {
    const input = image(5, [[2, 2]]);
    // The box is x, y in 1..3 (9 pixels): 3 of them undecided, everything outside grey.
    const output = new Float32Array(25).fill(0.5);
    for (let y = 1; y <= 3; y++) for (let x = 1; x <= 3; x++) output[y * 5 + x] = 0.9;
    output[1 * 5 + 1] = 0.5;
    output[1 * 5 + 2] = 0.25;
    output[3 * 5 + 3] = 0.75;
    output[2 * 5 + 1] = 0.1;
    expect(sharpness(input, output, 5)).toBeCloseTo(6 / 9, 10);
  });

  test('the grown box stops at the image edge; a blank input is judged on the whole image', () => {
    const corner = image(4, [[0, 0]]);
    const output = image(4, [[0, 0]], 0.5, 0); // the 2×2 box: one undecided pixel
    expect(sharpness(corner, output, 4)).toBeCloseTo(3 / 4, 10);
    expect(sharpness(new Float32Array(16), image(4, [[1, 1]], 0.5), 4)).toBeCloseTo(15 / 16, 10);
  });

  test('figures of a set are the means of its pairs, BCE as the digit table has it', () => {
    const inputs = new Float32Array([...image(4, [[1, 1]]), ...image(4, [[2, 2]])]);
    const outputs = new Float32Array([...image(4, [[1, 1]]), ...image(4, [[0, 0]], 0.5)]);
    const f = sketchFigures(inputs, outputs, 2, 4);
    expect(f.count).toBe(2);
    expect(f.inkIou).toBeCloseTo((1 + 0) / 2, 10);
    expect(f.sharpness).toBeCloseTo((1 + 1) / 2, 10);
    expect(f.bce).toBeCloseTo(meanBce(inputs, outputs), 10);
  });
});

describe('a detail kept', () => {
  const eye = Uint8Array.from(image(5, [[2, 2]])); // the region: the centre pixel
  const input = image(5, [[2, 2]]);

  test('drawn (mean ≥ 0.5 over its ink) and apart (≥ 0.3 above the blank pixels touching it)', () => {
    const crisp = image(5, [[2, 2]], 0.9, 0.1);
    expect(regionKept(input, crisp, 5, eye)).toBe(true);
    // A smudge: the eye is dark, but so is everything around it.
    expect(regionKept(input, image(5, [[2, 2]], 0.9, 0.7), 5, eye)).toBe(false);
    // Faint: apart from its surroundings, but not drawn.
    expect(regionKept(input, image(5, [[2, 2]], 0.45, 0), 5, eye)).toBe(false);
  });

  test("the ring is the input's blank neighbours: ink of another part beside the detail is not held against it", () => {
    const withOutline = image(5, [
      [2, 2],
      [1, 1],
      [1, 2],
      [1, 3],
    ]);
    // The eye at 0.7 over a 0.35 cheek is apart (0.35 above); the outline beside it is 1.
    const output = image(5, [[2, 2]], 0.7, 0.35);
    for (const [x, y] of [
      [1, 1],
      [1, 2],
      [1, 3],
    ])
      output[y * 5 + x] = 1;
    expect(regionKept(withOutline, output, 5, eye)).toBe(true);
  });

  test('an empty region is a detail the input does not show', () => {
    expect(regionKept(input, input, 5, new Uint8Array(25))).toBeUndefined();
  });

  test('an image counts when every region of the detail is kept, of those that show them all', () => {
    const left = image(5, [[1, 2]]);
    const right = image(5, [[3, 2]]);
    const both = image(5, [
      [1, 2],
      [3, 2],
    ]);
    const inputs = new Float32Array([...both, ...both, ...both]);
    const outputs = new Float32Array([...both, ...left, ...both]);
    const regions = [
      [left, right].map((r) => Uint8Array.from(r)),
      [left, right].map((r) => Uint8Array.from(r)),
      [Uint8Array.from(left), new Uint8Array(25)],
    ];
    // 1st: both kept; 2nd: the right one lost; 3rd: does not show the right one, so not counted.
    expect(detailKept(inputs, outputs, 5, regions)).toEqual({ kept: 1, of: 2 });
  });
});

describe('pairs shown', () => {
  test('25 spread evenly over the set, or all of a small one', () => {
    expect(shownPairs(100)).toEqual(Array.from({ length: 25 }, (_, i) => 4 * i));
    expect(shownPairs(7)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decodeWire, encodeWire } from '../../../src/shared/contract/wire';

describe('wire codec', () => {
  test('typed arrays survive a round trip, nested anywhere', () => {
    fc.assert(
      fc.property(fc.float32Array({ noNaN: true }), fc.uint8Array(), fc.int32Array(), fc.string(), (f, u, i, text) => {
        const value = { a: [f, { u }], i, text };
        expect(decodeWire(encodeWire(value))).toEqual(value);
      }),
      { numRuns: 200 },
    );
  });

  test('a Float32Array view of a larger buffer keeps only its own bytes', () => {
    const big = new Float32Array([1, 2, 3, 4]);
    const decoded = decodeWire(encodeWire({ z: big.subarray(1, 3) })) as { z: Float32Array };
    expect(Array.from(decoded.z)).toEqual([2, 3]);
  });

  test('malformed text and impossible tags are syntax errors', () => {
    expect(() => decodeWire('{')).toThrow(SyntaxError);
    expect(() => decodeWire('{"$typed":"f32","data":"AAA="}')).toThrow(SyntaxError);
    expect(() => decodeWire('{"$typed":"x","data":""}')).toThrow(SyntaxError);
  });
});

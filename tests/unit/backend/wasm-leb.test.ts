import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { leb, sleb, WASM_ENCODING_ERRORS } from '../../../src/engine/backend/kernels/wasm-format';

/** LEB128 read back the long way, in BigInt, as the spec defines it; `signed` sign-extends. */
function referenceDecode(bytes: number[], signed: boolean): number {
  let value = 0n;
  let shift = 0n;
  for (const [i, byte] of bytes.entries()) {
    value |= BigInt(byte & 0x7f) << shift;
    shift += 7n;
    const last = (byte & 0x80) === 0;
    expect(last).toBe(i === bytes.length - 1);
    if (last && signed && byte & 0x40) value -= 1n << shift;
  }
  return Number(value);
}

/** `(module (func (export "f") (result i32) i32.const <bytes>))`, by hand: WebAssembly decodes it. */
function i32ConstThroughWasm(bytes: number[]): number {
  const body = [0x00, 0x41, ...bytes, 0x0b];
  const module = new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...[0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f],
    ...[0x03, 0x02, 0x01, 0x00],
    ...[0x07, 0x05, 0x01, 0x01, 0x66, 0x00, 0x00],
    ...[0x0a, body.length + 2, 0x01, body.length, ...body],
  ]);
  const f = new WebAssembly.Instance(new WebAssembly.Module(module)).exports.f as () => number;
  return f();
}

describe('unsigned LEB128 (leb)', () => {
  test.each([
    [0, [0x00]],
    [63, [0x3f]],
    [64, [0x40]],
    [127, [0x7f]],
    [128, [0x80, 0x01]],
    [624485, [0xe5, 0x8e, 0x26]],
    [2 ** 31 - 1, [0xff, 0xff, 0xff, 0xff, 0x07]],
    [2 ** 32 - 1, [0xff, 0xff, 0xff, 0xff, 0x0f]],
  ])('%i is %j', (value, bytes) => {
    expect(leb(value)).toEqual(bytes);
    expect(referenceDecode(bytes, false)).toBe(value);
  });

  test('any u32 reads back as itself, in the fewest bytes', () => {
    fc.assert(
      fc.property(fc.nat({ max: 2 ** 32 - 1 }), (value) => {
        const bytes = leb(value);
        expect(referenceDecode(bytes, false)).toBe(value);
        expect(bytes.length).toBe(Math.max(1, Math.ceil(value.toString(2).length / 7)));
      }),
    );
  });

  test.each([-1, 2 ** 32, 1.5, Number.NaN])('refuses %d', (value) => {
    expect(() => leb(value)).toThrow(WASM_ENCODING_ERRORS.notU32(value));
  });
});

describe('signed LEB128 (sleb)', () => {
  test.each([
    [0, [0x00]],
    [63, [0x3f]],
    [64, [0xc0, 0x00]],
    [127, [0xff, 0x00]],
    [128, [0x80, 0x01]],
    [-1, [0x7f]],
    [-64, [0x40]],
    [-65, [0xbf, 0x7f]],
    [-123456, [0xc0, 0xbb, 0x78]],
    [2 ** 31 - 1, [0xff, 0xff, 0xff, 0xff, 0x07]],
    [-(2 ** 31), [0x80, 0x80, 0x80, 0x80, 0x78]],
  ])('%i is %j, and i32.const reads it so', (value, bytes) => {
    expect(sleb(value)).toEqual(bytes);
    expect(referenceDecode(bytes, true)).toBe(value);
    expect(i32ConstThroughWasm(bytes)).toBe(value);
  });

  test('any i32 reads back as itself, here and in WebAssembly', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), (value) => {
        const bytes = sleb(value);
        expect(referenceDecode(bytes, true)).toBe(value);
        expect(i32ConstThroughWasm(bytes)).toBe(value);
      }),
    );
  });

  test.each([2 ** 31, -(2 ** 31) - 1, 0.5])('refuses %d', (value) => {
    expect(() => sleb(value)).toThrow(WASM_ENCODING_ERRORS.notI32(value));
  });
});

import { describe, expect, test } from 'vitest';
import { encodeGif, enlarge, fileNumber, fileSafe, GIF_ERRORS, inkFrames } from '../../../src/renderer/src/lib/gif';
import { readGif } from '../../e2e/gif-frames';

describe('GIF export', () => {
  test('one frame per image, each enlarged, looping, with the delay asked for', () => {
    const size = 4;
    const images = new Float32Array(3 * size * size);
    for (let f = 0; f < 3; f++) images[f * size * size + f] = 1; // a different ink pixel per frame
    const gif = readGif(encodeGif(inkFrames(images, 3, size, 5), 120));
    expect(gif.width).toBe(20);
    expect(gif.height).toBe(20);
    expect(gif.frames).toHaveLength(3);
    expect(gif.frames.every((f) => f.width === 20 && f.height === 20 && f.delayMs === 120)).toBe(true);
    expect(gif.loops).toBe(true);
  });

  test('byte images (0–255) become the same ink as float images', () => {
    const floats = new Float32Array([0, 1, 0.5, 0]);
    const bytes = new Uint8Array([0, 255, 128, 0]);
    const [a] = inkFrames(floats, 1, 2, 1);
    const [b] = inkFrames(bytes, 1, 2, 1);
    expect([...b.rgba].map((v, i) => Math.abs(v - a.rgba[i]) <= 1)).not.toContain(false);
    expect(a.rgba[4]).toBe(0); // full ink is black
    expect(a.rgba[0]).toBe(255); // no ink is paper
  });

  test('enlarging repeats each pixel scale × scale times', () => {
    const rgba = new Uint8ClampedArray([10, 20, 30, 255, 40, 50, 60, 255]);
    const big = enlarge(rgba, 2, 1, 2);
    expect(big).toHaveLength(4 * 2 * 4);
    expect([...big.subarray(0, 8)]).toEqual([10, 20, 30, 255, 10, 20, 30, 255]);
    expect([...big.subarray(16, 24)]).toEqual([10, 20, 30, 255, 10, 20, 30, 255]);
    expect([...big.subarray(24, 32)]).toEqual([40, 50, 60, 255, 40, 50, 60, 255]);
  });

  test('refuses no frames and frames of different sizes', () => {
    expect(() => encodeGif([], 100)).toThrow(GIF_ERRORS.noFrames);
    const [a] = inkFrames(new Float32Array(4), 1, 2, 1);
    const [b] = inkFrames(new Float32Array(9), 1, 3, 1);
    expect(() => encodeGif([a, b], 100)).toThrow(GIF_ERRORS.mixedSizes);
  });

  test('file names keep only safe characters and short numbers', () => {
    expect(fileSafe('user:Quick, Draw! cats — VAE')).toBe('Quick-Draw-cats-VAE');
    expect(fileSafe('shipped:mnist-vae')).toBe('mnist-vae');
    expect(fileSafe('///')).toBe('model');
    expect(fileNumber(0.001)).toBe('0.001');
    expect(fileNumber(-2.345678)).toBe('-2.35');
    expect(fileNumber(1e-7)).toBe('1e-7');
  });

  test('the reader refuses what is not a GIF', () => {
    expect(() => readGif(new TextEncoder().encode('PNG not a gif'))).toThrow('not a GIF');
  });
});

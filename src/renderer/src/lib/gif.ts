// gifenc ships no types; the reference brings its declaration into every program that imports
// this file (the renderer's and the unit tests'), which an import of a .d.ts cannot.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./gifenc.d.ts" />
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import { writeInk } from './pixels';

/** One RGBA picture of an animation. */
export interface RgbaFrame {
  rgba: Uint8ClampedArray;
  width: number;
  height: number;
}

export const GIF_ERRORS = {
  noFrames: 'an animation needs at least one frame',
  mixedSizes: 'every frame of an animation must have the same size',
} as const;

/**
 * Encodes frames as a looping animated GIF. Each frame gets its own palette (a grey strip needs
 * few colours, a map coloured by class a few more), so nothing is dithered.
 */
export function encodeGif(frames: readonly RgbaFrame[], delayMs: number): Uint8Array {
  if (frames.length === 0) throw new Error(GIF_ERRORS.noFrames);
  const { width, height } = frames[0];
  const gif = GIFEncoder();
  for (const frame of frames) {
    if (frame.width !== width || frame.height !== height) throw new Error(GIF_ERRORS.mixedSizes);
    const palette = quantize(frame.rgba, 256);
    gif.writeFrame(applyPalette(frame.rgba, palette), width, height, { palette, delay: delayMs, repeat: 0 });
  }
  gif.finish();
  return gif.bytes();
}

/**
 * Decoded images (count × size², ink in [0, 1] or bytes) as frames, each pixel blown up to
 * `scale` × `scale` screen pixels: a 28-px digit is unreadable at its own size.
 */
export function inkFrames(images: Float32Array | Uint8Array, count: number, size: number, scale: number): RgbaFrame[] {
  const px = size * size;
  const side = size * scale;
  const toUnit = images instanceof Uint8Array ? 1 / 255 : 1;
  const frames: RgbaFrame[] = [];
  for (let f = 0; f < count; f++) {
    const small = new Uint8ClampedArray(px * 4);
    const cell = new Float32Array(px);
    for (let p = 0; p < px; p++) cell[p] = images[f * px + p] * toUnit;
    writeInk(small, cell, 0, size, size * 4);
    frames.push({ rgba: enlarge(small, size, size, scale), width: side, height: side });
  }
  return frames;
}

/** Nearest-neighbour enlargement of an RGBA picture. */
export function enlarge(rgba: Uint8ClampedArray, width: number, height: number, scale: number): Uint8ClampedArray {
  const out = new Uint8ClampedArray(width * scale * height * scale * 4);
  const outWidth = width * scale;
  for (let y = 0; y < height * scale; y++) {
    const sy = Math.floor(y / scale);
    for (let x = 0; x < outWidth; x++) {
      const from = (sy * width + Math.floor(x / scale)) * 4;
      const to = (y * outWidth + x) * 4;
      out[to] = rgba[from];
      out[to + 1] = rgba[from + 1];
      out[to + 2] = rgba[from + 2];
      out[to + 3] = rgba[from + 3];
    }
  }
  return out;
}

/** A name that is safe in a file name on every system: letters, digits, ".", "_" and "-". */
export function fileSafe(text: string): string {
  const safe = text
    .replace(/^(user|shipped):/, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return safe.slice(0, 80) || 'model';
}

/** A number in a file name: "0.5", "1e-3" stay short and have no characters a file system refuses. */
export function fileNumber(value: number): string {
  return Number(value.toPrecision(3)).toString().replace('+', '');
}

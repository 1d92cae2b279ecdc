import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export const PNG_ERRORS = { badSize: 'pixel count does not match width × height' } as const;

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Assembles a PNG from rows of `channels` bytes per pixel (1 = grey, 4 = RGBA). */
function encodePng(rows: Buffer, width: number, height: number, channels: 1 | 4): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = channels === 1 ? 0 : 6; // greyscale or RGBA
  return Buffer.concat([
    SIGNATURE,
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

/** An 8-bit RGBA PNG from width × height × 4 bytes (icons, coloured plots). */
export function encodeRgbaPng(rgba: Uint8Array, width: number, height: number): Buffer {
  if (rgba.length !== width * height * 4) throw new Error(PNG_ERRORS.badSize);
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y += 1) rows.set(rgba.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  return encodePng(rows, width, height, 4);
}

/**
 * An 8-bit greyscale PNG from values in [0, 1]. `inkDark` (default) draws 1 as black on white,
 * as sketches look in the studio; false gives MNIST's white-on-black.
 */
export function encodeGrayPng(pixels: Float32Array, width: number, height: number, inkDark = true): Buffer {
  if (pixels.length !== width * height) throw new Error(PNG_ERRORS.badSize);
  const raw = Buffer.alloc((width + 1) * height);
  for (let y = 0; y < height; y += 1) {
    raw[y * (width + 1)] = 0; // filter: none
    for (let x = 0; x < width; x += 1) {
      const v = Math.min(1, Math.max(0, pixels[y * width + x] || 0));
      raw[y * (width + 1) + 1 + x] = Math.round((inkDark ? 1 - v : v) * 255);
    }
  }
  return encodePng(raw, width, height, 1);
}

/**
 * Bytes per pixel an upscaled grey picture holds while it is made: its float pixels (4), the
 * PNG's raw rows (1), and the compressed rows and the file (at most about 1 each).
 */
export const GRAY_PICTURE_BYTES_PER_PIXEL = 7;

/** Nearest-neighbour upscaling so a 28×28 drawing is visible in a viewer. */
export function upscale(pixels: Float32Array, width: number, height: number, factor: number): Float32Array {
  const out = new Float32Array(width * factor * height * factor);
  for (let y = 0; y < height * factor; y += 1) {
    for (let x = 0; x < width * factor; x += 1) {
      out[y * width * factor + x] = pixels[Math.floor(y / factor) * width + Math.floor(x / factor)];
    }
  }
  return out;
}

import { unitToBytes } from './pixel-bytes';

/**
 * Fits a uint8 bitmap (0–255, 0 = background) into a size×size Float32Array in [0, 1].
 * 28×28 into 32×32 is padded by 2 px on every side (the digit keeps its MNIST scale, as the
 * Cookbook's 32-px models expect); other sizes are resampled bilinearly.
 */
export function bitmapToUnit(
  pixels: Uint8Array,
  width: number,
  height: number,
  size: number,
  out?: Float32Array,
): Float32Array {
  const dst = out ?? new Float32Array(size * size);
  if (width === size && height === size) {
    for (let i = 0; i < dst.length; i++) dst[i] = pixels[i] / 255;
    return dst;
  }
  dst.fill(0);
  if (width <= size && height <= size && size - width <= 4 && size - height <= 4) {
    const ox = (size - width) >> 1;
    const oy = (size - height) >> 1;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) dst[(y + oy) * size + x + ox] = pixels[y * width + x] / 255;
    }
    return dst;
  }
  const sx = width / size;
  const sy = height / size;
  for (let y = 0; y < size; y++) {
    const fy = Math.min(Math.max((y + 0.5) * sy - 0.5, 0), height - 1);
    const y0 = Math.floor(fy);
    const y1 = Math.min(y0 + 1, height - 1);
    const wy = fy - y0;
    for (let x = 0; x < size; x++) {
      const fx = Math.min(Math.max((x + 0.5) * sx - 0.5, 0), width - 1);
      const x0 = Math.floor(fx);
      const x1 = Math.min(x0 + 1, width - 1);
      const wx = fx - x0;
      const top = pixels[y0 * width + x0] * (1 - wx) + pixels[y0 * width + x1] * wx;
      const bottom = pixels[y1 * width + x0] * (1 - wx) + pixels[y1 * width + x1] * wx;
      dst[y * size + x] = (top * (1 - wy) + bottom * wy) / 255;
    }
  }
  return dst;
}

/**
 * The same fit as bytes 0–255, for training data: a bitmap of the recipe's size is copied as
 * is; others are fitted as above (into `scratch`, one image of floats) and rounded back.
 */
export function bitmapToBytes(
  pixels: Uint8Array,
  width: number,
  height: number,
  size: number,
  out: Uint8Array,
  scratch: Float32Array = new Float32Array(size * size),
): Uint8Array {
  if (width === size && height === size) {
    out.set(pixels.subarray(0, size * size));
    return out;
  }
  return unitToBytes(bitmapToUnit(pixels, width, height, size, scratch), out);
}

/** Pictures of images in rows (the Cookbook's "input row / reconstruction row"), as PNG. */
import { encodeGrayPng, upscale } from '../../../src/engine/image/png';

/**
 * Tiles `rows` (each `count` images of size×size, flattened) into one picture with a 1-px grey
 * gutter, scaled by `factor` so a 28-px image is big enough to look at.
 */
export function rowsPng(rows: Float32Array[], count: number, size: number, factor = 3): Buffer {
  const gap = 1;
  const width = count * (size + gap) + gap;
  const height = rows.length * (size + gap) + gap;
  const canvas = new Float32Array(width * height).fill(0.25);
  rows.forEach((images, r) => {
    for (let i = 0; i < count; i++) {
      const ox = gap + i * (size + gap);
      const oy = gap + r * (size + gap);
      for (let y = 0; y < size; y++) {
        for (let x = 0; x < size; x++) canvas[(oy + y) * width + ox + x] = images[i * size * size + y * size + x] ?? 0;
      }
    }
  });
  return encodeGrayPng(upscale(canvas, width, height, factor), width * factor, height * factor);
}

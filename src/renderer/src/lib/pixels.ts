// Pixel maths without the DOM: shared by the canvases and by the GIF encoder.

/** Writes an image's pixels into RGBA bytes starting at `offset`, `rowStride` bytes a row. */
export function writeInk(
  rgba: Uint8ClampedArray,
  pixels: ArrayLike<number>,
  offset: number,
  size: number,
  rowStride: number,
): void {
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const v = 255 - Math.round(Math.max(0, Math.min(1, pixels[y * size + x])) * 255);
      const o = offset + y * rowStride + x * 4;
      rgba[o] = v;
      rgba[o + 1] = v;
      rgba[o + 2] = v;
      rgba[o + 3] = 255;
    }
  }
}

/** A distinct colour per class for the scatter of codes. */
export function labelColour(label: number): string {
  const hues = [210, 20, 120, 280, 50, 330, 170, 0, 90, 250];
  return `hsl(${hues[label % hues.length]} 70% 50%)`;
}

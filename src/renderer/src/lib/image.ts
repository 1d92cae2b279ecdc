import { labelColour, writeInk } from './pixels';

export { labelColour, writeInk };

/**
 * Paints a size×size image in [0, 1] (1 = ink) into a canvas at its native size, ink dark on
 * white; CSS scales the canvas up with `image-rendering: pixelated` (nearest neighbour).
 */
export function paintImage(canvas: HTMLCanvasElement, pixels: ArrayLike<number>, size: number): void {
  if (canvas.width !== size) canvas.width = size;
  if (canvas.height !== size) canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(size, size);
  writeInk(image.data, pixels, 0, size, size * 4);
  context.putImageData(image, 0, 0);
}

/** n×n images tiled into one canvas (the map's faint background grid). */
export function paintTiles(canvas: HTMLCanvasElement, images: Float32Array, n: number, size: number): void {
  const w = n * size;
  canvas.width = w;
  canvas.height = w;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(w, w);
  for (let cell = 0; cell < n * n; cell++) {
    const r = Math.floor(cell / n);
    const c = cell % n;
    writeInk(
      image.data,
      images.subarray(cell * size * size, (cell + 1) * size * size),
      (r * size * w + c * size) * 4,
      size,
      w * 4,
    );
  }
  context.putImageData(image, 0, 0);
}

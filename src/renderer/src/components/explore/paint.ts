import { writeInk } from '../../lib/image';

/**
 * Tiles rows × cols images (each size², in [0, 1] or bytes 0–255) into a canvas at native
 * resolution, `gap` pixels apart; CSS scales the canvas to its box.
 */
export function paintTiles(
  canvas: HTMLCanvasElement,
  images: Float32Array | Uint8Array,
  rows: number,
  cols: number,
  size: number,
  gap = 0,
): void {
  const width = cols * size + (cols - 1) * gap;
  const height = rows * size + (rows - 1) * gap;
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const image = context.createImageData(width, height);
  image.data.fill(0); // gaps stay transparent: the panel shows through
  const px = size * size;
  const scale = images instanceof Uint8Array ? 1 / 255 : 1;
  const cell = new Float32Array(px);
  for (let i = 0; i < Math.min(rows * cols, images.length / px); i += 1) {
    for (let p = 0; p < px; p += 1) cell[p] = images[i * px + p] * scale;
    const r = Math.floor(i / cols);
    const c = i % cols;
    const offset = (r * (size + gap) * width + c * (size + gap)) * 4;
    writeInk(image.data, cell, offset, size, width * 4);
  }
  context.putImageData(image, 0, 0);
}

/** One image of a block (count × size²) into a canvas. */
export function paintOne(
  canvas: HTMLCanvasElement,
  images: Float32Array | Uint8Array,
  index: number,
  size: number,
): void {
  const px = size * size;
  paintTiles(canvas, images.subarray(index * px, (index + 1) * px), 1, 1, size);
}

/** Saves a canvas as a PNG download (an object URL on a temporary link; nothing leaves the machine). */
export async function downloadPng(canvas: HTMLCanvasElement, fileName: string, scale = 4): Promise<void> {
  const big = document.createElement('canvas');
  big.width = canvas.width * scale;
  big.height = canvas.height * scale;
  const context = big.getContext('2d');
  if (!context) return;
  context.imageSmoothingEnabled = false;
  context.drawImage(canvas, 0, 0, big.width, big.height);
  const blob = await new Promise<Blob | null>((resolve) => big.toBlob(resolve, 'image/png'));
  if (!blob) return;
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

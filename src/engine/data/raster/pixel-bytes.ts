/**
 * Ink as one byte a pixel, 0–255, as Quick, Draw!'s bitmaps, MNIST and the dataset store hold
 * it: a quarter of a float. Training data stays in bytes; a model reads [0, 1] floats, made a
 * batch at a time with the table below.
 */
export const INK_MAX = 255;

/** byte / 255 as float32, for every byte: the one conversion from stored ink to a model's input. */
export const BYTE_TO_UNIT: Float32Array = Float32Array.from({ length: INK_MAX + 1 }, (_, b) => b / INK_MAX);

/** [0, 1] ink (clamped) to the nearest byte. */
export function unitToBytes(unit: ArrayLike<number>, out: Uint8Array = new Uint8Array(unit.length)): Uint8Array {
  for (let i = 0; i < unit.length; i += 1) out[i] = Math.round(Math.min(1, Math.max(0, unit[i])) * INK_MAX);
  return out;
}

/** Bytes to [0, 1] floats (a batch, a sample, a few thumbnails: never a whole dataset at once). */
export function bytesToUnit(
  bytes: ArrayLike<number>,
  out: Float32Array = new Float32Array(bytes.length),
): Float32Array {
  for (let i = 0; i < bytes.length; i += 1) out[i] = BYTE_TO_UNIT[bytes[i]];
  return out;
}

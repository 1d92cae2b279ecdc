/**
 * Copies `rows` runs of `length` floats between two buffers laid out with their own row
 * strides. Concat and SplitV along an inner axis are exactly this; tfjs's wasm versions go
 * through a generic index-by-index slice (SplitV) or one `set` call per run however short it is.
 */
export function copyRuns(
  src: Float32Array,
  srcOffset: number,
  srcStride: number,
  dst: Float32Array,
  dstOffset: number,
  dstStride: number,
  rows: number,
  length: number,
): void {
  if (length >= 64) {
    // Long runs: the engine's memcpy wins over a JS loop.
    for (let r = 0; r < rows; r++) {
      const s = srcOffset + r * srcStride;
      dst.set(src.subarray(s, s + length), dstOffset + r * dstStride);
    }
    return;
  }
  for (let r = 0; r < rows; r++) {
    const s = srcOffset + r * srcStride;
    const d = dstOffset + r * dstStride;
    for (let k = 0; k < length; k++) dst[d + k] = src[s + k];
  }
}

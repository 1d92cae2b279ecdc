/** Copies the rows `indexes` (each `width` long) of `flat` into one block. */
export function pickRows<T extends Float32Array | Uint8Array | Int32Array>(
  flat: T,
  width: number,
  indexes: ArrayLike<number>,
  make: (length: number) => T,
): T {
  const out = make(indexes.length * width);
  for (let i = 0; i < indexes.length; i += 1) {
    out.set(flat.subarray(indexes[i] * width, (indexes[i] + 1) * width), i * width);
  }
  return out;
}

export const VECTOR_ERRORS = {
  empty: 'a concept set needs at least one code',
  badShape: 'codes must be count × dim values',
  dimMismatch: 'vectors must have the same length',
} as const;

/** Mean of count×dim codes. */
export function meanCode(codes: Float32Array, count: number, dim: number): Float32Array {
  if (count < 1) throw new Error(VECTOR_ERRORS.empty);
  if (codes.length !== count * dim) throw new Error(VECTOR_ERRORS.badShape);
  const sum = new Float64Array(dim);
  for (let i = 0; i < count; i += 1) for (let d = 0; d < dim; d += 1) sum[d] += codes[i * dim + d];
  return Float32Array.from(sum, (s) => s / count);
}

/** The Keras book's "smile vector": mean code of set A minus mean code of set B. */
export function conceptVector(
  codesA: Float32Array,
  countA: number,
  codesB: Float32Array,
  countB: number,
  dim: number,
): Float32Array {
  const a = meanCode(codesA, countA, dim);
  const b = meanCode(codesB, countB, dim);
  return a.map((x, d) => x - b[d]);
}

/** z + strength · v (strength 0 leaves z, 1 adds the whole concept, negative removes it). */
export function applyConcept(z: Float32Array, concept: Float32Array, strength: number): Float32Array {
  if (z.length !== concept.length) throw new Error(VECTOR_ERRORS.dimMismatch);
  return z.map((x, d) => x + strength * concept[d]);
}

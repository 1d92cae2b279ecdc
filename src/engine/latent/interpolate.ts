import { VECTOR_ERRORS } from './vectors';

export type InterpolationMode = 'linear' | 'spherical';

export function lerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  if (a.length !== b.length) throw new Error(VECTOR_ERRORS.dimMismatch);
  return a.map((x, d) => x + t * (b[d] - x));
}

/**
 * Spherical interpolation: follows the great circle between a and b, with the norm
 * interpolated linearly; keeps samples at a typical distance from the origin, where a
 * Gaussian prior puts its mass. Falls back to lerp when a and b are (anti)parallel or zero.
 */
export function slerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  if (a.length !== b.length) throw new Error(VECTOR_ERRORS.dimMismatch);
  const na = Math.hypot(...a);
  const nb = Math.hypot(...b);
  if (na === 0 || nb === 0) return lerp(a, b, t);
  let dot = 0;
  for (let d = 0; d < a.length; d += 1) dot += (a[d] / na) * (b[d] / nb);
  const omega = Math.acos(Math.min(1, Math.max(-1, dot)));
  const sin = Math.sin(omega);
  if (sin < 1e-6) return lerp(a, b, t);
  const wa = Math.sin((1 - t) * omega) / sin;
  const wb = Math.sin(t * omega) / sin;
  const norm = na + t * (nb - na);
  return a.map((x, d) => norm * (wa * (x / na) + wb * (b[d] / nb)));
}

/** `steps` points from a to b inclusive. */
export function interpolate(
  a: Float32Array,
  b: Float32Array,
  steps: number,
  mode: InterpolationMode = 'linear',
): Float32Array[] {
  const f = mode === 'spherical' ? slerp : lerp;
  if (steps <= 1) return [Float32Array.from(a)];
  return Array.from({ length: steps }, (_, i) => f(a, b, i / (steps - 1)));
}

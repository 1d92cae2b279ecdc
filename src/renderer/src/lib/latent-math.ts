/** Slider coordinates of a code: (z − mean) · direction for each direction. */
export function coordinates(z: ArrayLike<number>, mean: ArrayLike<number>, directions: ArrayLike<number>[]): number[] {
  return directions.map((d) => {
    let s = 0;
    for (let i = 0; i < z.length; i++) s += (z[i] - mean[i]) * d[i];
    return s;
  });
}

/**
 * The code after moving sliders: the drawing's own code moved along each direction by how far
 * its slider moved. Parts of the code outside the directions (PCA keeps 16 of 128) stay as drawn.
 */
export function moveAlong(
  base: ArrayLike<number>,
  directions: ArrayLike<number>[],
  from: readonly number[],
  to: readonly number[],
): Float32Array {
  const z = Float32Array.from(base);
  directions.forEach((d, j) => {
    const delta = to[j] - from[j];
    if (delta === 0) return;
    for (let i = 0; i < z.length; i++) z[i] += delta * d[i];
  });
  return z;
}

/** Slider range: ±3 σ of the data around its centre, widened to include the drawing. */
export function sliderRange(spread: number, value: number): { min: number; max: number; step: number } {
  const half = Math.max(3 * spread, 1, Math.abs(value) * 1.1);
  const step = Number((half / 100).toPrecision(2));
  return { min: -half, max: half, step };
}

/** `count` evenly spaced values from `min` to `max`, both ends included (a slider sweep). */
export function sweep(min: number, max: number, count: number): number[] {
  if (count < 2) return [min];
  return Array.from({ length: count }, (_, i) => min + ((max - min) * i) / (count - 1));
}

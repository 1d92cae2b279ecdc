/** The view box of a 2-d map of codes: [xMin, xMax, yMin, yMax]. */
export type MapBounds = [number, number, number, number];

interface Points {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/** A VAE's prior is N(0, 1) per dimension: ±3 holds 99.7 % of it, so the map always shows that much. */
const PRIOR_EXTENT = 3;

/**
 * One square view box for every epoch of a run: the union of all the frames' points (and the
 * prior's ±3 when the axes are the code's own), so the axes stay put and a learner sees the
 * clusters move rather than the scale change. Square: a round prior stays round.
 */
export function mapBounds(frames: readonly Points[], axes: 'dims' | 'pca'): MapBounds {
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (const { x, y } of frames) {
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      if (!Number.isFinite(x[i]) || !Number.isFinite(y[i])) continue;
      xMin = Math.min(xMin, x[i]);
      xMax = Math.max(xMax, x[i]);
      yMin = Math.min(yMin, y[i]);
      yMax = Math.max(yMax, y[i]);
    }
  }
  if (axes === 'dims' || xMin > xMax) {
    xMin = Math.min(xMin, -PRIOR_EXTENT);
    xMax = Math.max(xMax, PRIOR_EXTENT);
    yMin = Math.min(yMin, -PRIOR_EXTENT);
    yMax = Math.max(yMax, PRIOR_EXTENT);
  }
  const cx = (xMin + xMax) / 2;
  const cy = (yMin + yMax) / 2;
  // 5 % margin so the outermost points are not cut by the frame.
  const half = (Math.max(xMax - xMin, yMax - yMin) / 2) * 1.05 || 1;
  return [cx - half, cx + half, cy - half, cy + half];
}

/** A code's position in a size × size picture (y up). */
export function mapPixel(bounds: MapBounds, size: number, x: number, y: number): [number, number] {
  const [xMin, xMax, yMin, yMax] = bounds;
  return [((x - xMin) / (xMax - xMin)) * size, size - ((y - yMin) / (yMax - yMin)) * size];
}

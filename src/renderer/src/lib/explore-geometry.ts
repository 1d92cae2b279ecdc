/**
 * Plot geometry of the Explore tab, free of the DOM so it can be unit-tested: data bounds,
 * data → screen mapping, hit-testing of scatter points with a uniform grid index, and cell
 * lookup in tiled image grids and strips.
 */

export interface Bounds {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

/** Bounds of count × 2 points, padded by `pad` of the span on each side (never zero-sized). */
export function boundsOf(points: ArrayLike<number>, count: number, pad = 0.05): Bounds {
  let xmin = Infinity;
  let xmax = -Infinity;
  let ymin = Infinity;
  let ymax = -Infinity;
  for (let i = 0; i < count; i += 1) {
    const x = points[i * 2];
    const y = points[i * 2 + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    xmin = Math.min(xmin, x);
    xmax = Math.max(xmax, x);
    ymin = Math.min(ymin, y);
    ymax = Math.max(ymax, y);
  }
  if (!Number.isFinite(xmin)) return { xmin: -1, xmax: 1, ymin: -1, ymax: 1 };
  const px = Math.max(xmax - xmin, 1e-6) * pad;
  const py = Math.max(ymax - ymin, 1e-6) * pad;
  return { xmin: xmin - px, xmax: xmax + px, ymin: ymin - py, ymax: ymax + py };
}

/** Data → screen mapping inside a width × height box with a margin; y grows upwards in data. */
export interface Frame {
  bounds: Bounds;
  width: number;
  height: number;
  margin: number;
}

export function toScreen(frame: Frame, x: number, y: number): [number, number] {
  const { bounds: b, width, height, margin } = frame;
  const sx = margin + ((x - b.xmin) / (b.xmax - b.xmin)) * (width - 2 * margin);
  const sy = height - margin - ((y - b.ymin) / (b.ymax - b.ymin)) * (height - 2 * margin);
  return [sx, sy];
}

/** Screen positions of count × 2 data points, as one flat array. */
export function screenPoints(frame: Frame, points: ArrayLike<number>, count: number): Float32Array {
  const out = new Float32Array(count * 2);
  for (let i = 0; i < count; i += 1) {
    const [sx, sy] = toScreen(frame, points[i * 2], points[i * 2 + 1]);
    out[i * 2] = sx;
    out[i * 2 + 1] = sy;
  }
  return out;
}

/**
 * Uniform grid over screen points: a hover looks at the 3×3 cells around the pointer instead
 * of every point, so thousands of points hit-test in microseconds.
 */
export class PointIndex {
  private readonly cells = new Map<number, number[]>();

  constructor(
    private readonly screen: Float32Array,
    private readonly cellSize = 12,
  ) {
    for (let i = 0; i < screen.length / 2; i += 1) {
      const key = this.key(Math.floor(screen[i * 2] / cellSize), Math.floor(screen[i * 2 + 1] / cellSize));
      const list = this.cells.get(key);
      if (list) list.push(i);
      else this.cells.set(key, [i]);
    }
  }

  private key(cx: number, cy: number): number {
    return (cx + 4096) * 8192 + (cy + 4096);
  }

  /** The point nearest to (x, y) within `radius` (≤ cellSize) pixels, or -1. */
  nearest(x: number, y: number, radius = 8): number {
    const cx = Math.floor(x / this.cellSize);
    const cy = Math.floor(y / this.cellSize);
    let best = -1;
    let bestD = radius * radius;
    for (let dx = -1; dx <= 1; dx += 1) {
      for (let dy = -1; dy <= 1; dy += 1) {
        for (const i of this.cells.get(this.key(cx + dx, cy + dy)) ?? []) {
          const d = (this.screen[i * 2] - x) ** 2 + (this.screen[i * 2 + 1] - y) ** 2;
          if (d <= bestD) {
            bestD = d;
            best = i;
          }
        }
      }
    }
    return best;
  }
}

/** Index of the cell under (x, y) in a rows × cols tiling of a width × height box, or -1. */
export function cellAt(x: number, y: number, width: number, height: number, rows: number, cols: number): number {
  if (x < 0 || y < 0 || x >= width || y >= height) return -1;
  const c = Math.floor((x / width) * cols);
  const r = Math.floor((y / height) * rows);
  return r * cols + c;
}

/** The next frame of a Play animation, or -1 when it has reached the end. */
export function nextFrame(current: number, count: number): number {
  return current + 1 < count ? current + 1 : -1;
}

/** Weights normalised to sum 1 (all zero stays all zero: the caller refuses it). */
export function normalised(weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  return total > 0 ? weights.map((w) => w / total) : weights.map(() => 0);
}

/**
 * Scales strokes (Quick, Draw! items are in 0–255) so their bounding box fits a size × size
 * canvas with a margin, centred and keeping the aspect ratio: a dataset item then fills the
 * canvas as if it had been drawn there.
 */
export function fitStrokes<S extends { x: number[]; y: number[] }>(strokes: S[], size: number, margin: number): S[] {
  const xs = strokes.flatMap((s) => s.x);
  const ys = strokes.flatMap((s) => s.y);
  if (!xs.length) return strokes;
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const scale = (size - 2 * margin) / Math.max(x1 - x0, y1 - y0, 1e-6);
  const ox = (size - (x1 - x0) * scale) / 2;
  const oy = (size - (y1 - y0) * scale) / 2;
  return strokes.map((s) => ({
    ...s,
    x: s.x.map((x) => ox + (x - x0) * scale),
    y: s.y.map((y) => oy + (y - y0) * scale),
  }));
}

import { drawSegment } from './line-coverage';

/**
 * Segments between pixel centres (the cookbook32 recipe: coordinates // 8) come in few
 * shapes: one per (dx, dy). Each shape's coverage is drawn once with drawSegment and kept as
 * a stamp of (offset, coverage), so drawing a segment is a short loop of max() with the
 * exact same result, several times faster than measuring distances per pixel.
 *
 * Inside a polyline a segment's end cap (pixels whose nearest point is the end point itself)
 * is always matched or exceeded by the next segment, which starts there; those segments use
 * "open" stamps without it, which saves work and changes no pixel.
 */
export class SegmentStamps {
  private readonly reach: number;
  private readonly span: number;
  private readonly closed: (Stamp | undefined)[];
  private readonly open: (Stamp | undefined)[];
  private readonly grid: Float32Array;
  private readonly gridSize: number;

  constructor(
    private readonly halfWidth: number,
    /** Largest |dx| or |dy|. */
    private readonly maxDelta: number,
    /** Row length of the images drawn into (offsets are precomputed for it). */
    private readonly size: number,
  ) {
    this.reach = Math.ceil(halfWidth + 0.5);
    this.span = 2 * maxDelta + 1;
    this.closed = new Array<Stamp | undefined>(this.span * this.span);
    this.open = new Array<Stamp | undefined>(this.span * this.span);
    this.gridSize = 2 * (maxDelta + this.reach) + 1;
    this.grid = new Float32Array(this.gridSize * this.gridSize);
  }

  private build(dx: number, dy: number, openEnd: boolean): Stamp {
    const g = this.gridSize;
    const c = this.maxDelta + this.reach; // the start pixel in the scratch grid
    this.grid.fill(0);
    drawSegment(this.grid, g, c + 0.5, c + 0.5, c + dx + 0.5, c + dy + 0.5, this.halfWidth);
    const xs: number[] = [];
    const ys: number[] = [];
    const cs: number[] = [];
    for (let y = 0; y < g; y++) {
      for (let x = 0; x < g; x++) {
        const v = this.grid[y * g + x];
        if (v <= 0) continue;
        const rx = x - c;
        const ry = y - c;
        // Beyond the end point (projection past it): the next segment's start covers it.
        if (openEnd && (dx !== 0 || dy !== 0) && (rx - dx) * dx + (ry - dy) * dy > 0) continue;
        xs.push(rx);
        ys.push(ry);
        cs.push(v);
      }
    }
    return {
      dx: Int16Array.from(xs),
      dy: Int16Array.from(ys),
      offset: Int32Array.from(xs.map((x, k) => ys[k] * this.size + x)),
      coverage: Float32Array.from(cs),
    };
  }

  private stamp(dx: number, dy: number, openEnd: boolean): Stamp {
    const key = (dy + this.maxDelta) * this.span + dx + this.maxDelta;
    const table = openEnd ? this.open : this.closed;
    let stamp = table[key];
    if (!stamp) {
      stamp = this.build(dx, dy, openEnd);
      table[key] = stamp;
    }
    return stamp;
  }

  /**
   * Draws the polyline through pixels (xs[xAt+i] / divisor, ys[yAt+i] / divisor), i < n,
   * with max(). Coordinates are 0–255 by contract, so truncation is the floor.
   */
  drawPolyline(
    buf: Float32Array,
    xs: ArrayLike<number>,
    xAt: number,
    ys: ArrayLike<number>,
    yAt: number,
    n: number,
    divisor: number,
  ): void {
    if (n === 0) return;
    // A power-of-two divisor (the Cookbook's 8) divides exactly by multiplying.
    const k = (divisor & (divisor - 1)) === 0 ? 1 / divisor : 0;
    if (k === 0) {
      this.drawPolylineDividing(buf, xs, xAt, ys, yAt, n, divisor);
      return;
    }
    // `last`: where the run of points equal to the final one begins; only the segment that
    // reaches it is the polyline's true end (every earlier one is followed by another).
    const fx = (xs[xAt + n - 1] * k) | 0;
    const fy = (ys[yAt + n - 1] * k) | 0;
    let last = n - 1;
    while (last > 0 && ((xs[xAt + last - 1] * k) | 0) === fx && ((ys[yAt + last - 1] * k) | 0) === fy) last--;
    let px = (xs[xAt] * k) | 0;
    let py = (ys[yAt] * k) | 0;
    if (last === 0) {
      this.draw(buf, px, py, px, py, false);
      return;
    }
    for (let i = 1; i <= last; i++) {
      const qx = (xs[xAt + i] * k) | 0;
      const qy = (ys[yAt + i] * k) | 0;
      if (qx === px && qy === py) continue;
      this.draw(buf, px, py, qx, qy, i !== last);
      px = qx;
      py = qy;
    }
  }

  private drawPolylineDividing(
    buf: Float32Array,
    xs: ArrayLike<number>,
    xAt: number,
    ys: ArrayLike<number>,
    yAt: number,
    n: number,
    divisor: number,
  ): void {
    const fx = (xs[xAt + n - 1] / divisor) | 0;
    const fy = (ys[yAt + n - 1] / divisor) | 0;
    let last = n - 1;
    while (last > 0 && ((xs[xAt + last - 1] / divisor) | 0) === fx && ((ys[yAt + last - 1] / divisor) | 0) === fy)
      last--;
    let px = (xs[xAt] / divisor) | 0;
    let py = (ys[yAt] / divisor) | 0;
    if (last === 0) {
      this.draw(buf, px, py, px, py, false);
      return;
    }
    for (let i = 1; i <= last; i++) {
      const qx = (xs[xAt + i] / divisor) | 0;
      const qy = (ys[yAt + i] / divisor) | 0;
      if (qx === px && qy === py) continue;
      this.draw(buf, px, py, qx, qy, i !== last);
      px = qx;
      py = qy;
    }
  }

  /** Draws from pixel (ax, ay) to pixel (bx, by) (integer pixel indexes) with max(). */
  draw(buf: Float32Array, ax: number, ay: number, bx: number, by: number, openEnd: boolean): void {
    const size = this.size;
    const s = this.stamp(bx - ax, by - ay, openEnd);
    const n = s.coverage.length;
    const cov = s.coverage;
    const r = this.reach;
    const inside =
      ax >= r && ay >= r && ax + r < size && ay + r < size && bx >= r && by >= r && bx + r < size && by + r < size;
    if (inside) {
      const base = ay * size + ax;
      const offset = s.offset;
      for (let k = 0; k < n; k++) {
        const i = base + offset[k];
        const c = cov[k];
        if (c > buf[i]) buf[i] = c;
      }
      return;
    }
    const ox = s.dx;
    const oy = s.dy;
    for (let k = 0; k < n; k++) {
      const x = ax + ox[k];
      const y = ay + oy[k];
      if (x < 0 || y < 0 || x >= size || y >= size) continue;
      const i = y * size + x;
      const c = cov[k];
      if (c > buf[i]) buf[i] = c;
    }
  }
}

interface Stamp {
  dx: Int16Array;
  dy: Int16Array;
  /** dy * size + dx. */
  offset: Int32Array;
  coverage: Float32Array;
}

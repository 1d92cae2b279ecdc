/**
 * Anti-aliased "capsule" lines: every pixel near a segment gets coverage from its centre's
 * distance to the segment (1 inside, fading to 0 over one pixel), kept with max() so
 * crossings do not over-ink. Distance-based AA needs no sorting or edge tables and only
 * touches the few pixels around each short Quick, Draw! segment, which keeps it fast.
 */
export function drawSegment(
  buf: Float32Array,
  size: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  halfWidth: number,
): void {
  const reach = halfWidth + 0.5;
  // Only pixels whose centre (px + 0.5) lies within `reach` of the segment's box can get ink.
  let minX = Math.ceil(Math.min(x0, x1) - reach - 0.5);
  let maxX = Math.floor(Math.max(x0, x1) + reach - 0.5);
  let minY = Math.ceil(Math.min(y0, y1) - reach - 0.5);
  let maxY = Math.floor(Math.max(y0, y1) + reach - 0.5);
  if (minX < 0) minX = 0;
  if (minY < 0) minY = 0;
  if (maxX > size - 1) maxX = size - 1;
  if (maxY > size - 1) maxY = size - 1;
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const inv = len2 > 0 ? 1 / len2 : 0;
  const reach2 = reach * reach;
  const lut = coverageTable(halfWidth);
  const lutScale = LUT_STEPS / reach2;
  const stepT = dx * inv;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5 - y0;
    const row = py * size;
    // Along a row the projection t grows by dx/len² per pixel: no per-pixel dot product.
    let cx = minX + 0.5 - x0;
    let t0 = (cx * dx + cy * dy) * inv;
    for (let px = minX; px <= maxX; px++, cx += 1, t0 += stepT) {
      const t = t0 < 0 ? 0 : t0 > 1 ? 1 : t0;
      const ex = cx - t * dx;
      const ey = cy - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 >= reach2) continue;
      const c = lut[(d2 * lutScale) | 0];
      const i = row + px;
      if (c > buf[i]) buf[i] = c;
    }
  }
}

/** Coverage by squared distance, so the hot loop takes no square root. */
const LUT_STEPS = 1024;
const tables = new Map<number, Float32Array>();

function coverageTable(halfWidth: number): Float32Array {
  let table = tables.get(halfWidth);
  if (!table) {
    const reach = halfWidth + 0.5;
    table = new Float32Array(LUT_STEPS + 1);
    for (let k = 0; k <= LUT_STEPS; k++) {
      // Sample at the bucket's middle so rounding errs neither way.
      const d = Math.sqrt(((k + 0.5) / LUT_STEPS) * reach * reach);
      table[k] = Math.max(0, Math.min(1, reach - d));
    }
    tables.set(halfWidth, table);
  }
  return table;
}

/** 3×3 blur with weights [w, 1, w]² (normalised), in place through `scratch`. */
export function blur3(buf: Float32Array, size: number, w: number, scratch: Float32Array): void {
  const norm = 1 / (1 + 2 * w);
  for (let y = 0; y < size; y++) {
    const row = y * size;
    for (let x = 0; x < size; x++) {
      const l = x > 0 ? buf[row + x - 1] : 0;
      const r = x < size - 1 ? buf[row + x + 1] : 0;
      scratch[row + x] = (buf[row + x] + w * (l + r)) * norm;
    }
  }
  for (let y = 0; y < size; y++) {
    const row = y * size;
    for (let x = 0; x < size; x++) {
      const u = y > 0 ? scratch[row - size + x] : 0;
      const d = y < size - 1 ? scratch[row + size + x] : 0;
      buf[row + x] = (scratch[row + x] + w * (u + d)) * norm;
    }
  }
}

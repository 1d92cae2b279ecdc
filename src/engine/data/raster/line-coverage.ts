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
  const innerR = halfWidth - 0.5;
  const inner2 = innerR > 0 ? innerR * innerR : -1;
  for (let py = minY; py <= maxY; py++) {
    const cy = py + 0.5 - y0;
    const row = py * size;
    for (let px = minX; px <= maxX; px++) {
      const cx = px + 0.5 - x0;
      let t = (cx * dx + cy * dy) * inv;
      if (t < 0) t = 0;
      else if (t > 1) t = 1;
      const ex = cx - t * dx;
      const ey = cy - t * dy;
      const d2 = ex * ex + ey * ey;
      if (d2 >= reach2) continue;
      // Full coverage within halfWidth - 0.5 needs no square root (most pixels of thick lines).
      const c = d2 <= inner2 ? 1 : Math.min(1, reach - Math.sqrt(d2));
      const i = row + px;
      if (c > buf[i]) buf[i] = c;
    }
  }
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

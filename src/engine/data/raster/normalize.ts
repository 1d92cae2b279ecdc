import type { Stroke } from '../../../shared/types/drawing';

/** Quick, Draw!'s simplification tolerance, in the 0–255 space. */
export const RDP_EPSILON = 2;

/**
 * Normalises strokes the way Quick, Draw! made its "simplified" data from raw input: bounding
 * box moved to the origin and scaled (aspect kept) so the longer side spans 0–255, then each
 * stroke simplified with Ramer–Douglas–Peucker (ε = 2) and rounded to integers. The canvas and
 * raw NDJSON go through this so the model sees drawings like the ones it was trained on.
 */
export function normalizeCanvasStrokes(strokes: readonly Stroke[], epsilon = RDP_EPSILON): Stroke[] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const s of strokes) {
    for (let i = 0; i < s.x.length; i++) {
      const x = s.x[i];
      const y = s.y[i];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  if (minX === Infinity) return [];
  const extent = Math.max(maxX - minX, maxY - minY);
  const scale = extent > 0 ? 255 / extent : 1;
  const out: Stroke[] = [];
  for (const s of strokes) {
    const n = Math.min(s.x.length, s.y.length);
    if (n === 0) continue;
    const xs = new Array<number>(n);
    const ys = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      xs[i] = (s.x[i] - minX) * scale;
      ys[i] = (s.y[i] - minY) * scale;
    }
    const keep = rdpKeep(xs, ys, epsilon);
    const stroke: Stroke = { x: [], y: [] };
    const t: number[] | undefined = s.t ? [] : undefined;
    for (let i = 0; i < n; i++) {
      if (!keep[i]) continue;
      stroke.x.push(Math.round(xs[i]));
      stroke.y.push(Math.round(ys[i]));
      if (t && s.t) t.push(s.t[i]);
    }
    if (t) stroke.t = t;
    out.push(stroke);
  }
  return out;
}

/** Ramer–Douglas–Peucker with an explicit stack (long raw strokes would overflow recursion). */
export function rdpKeep(xs: readonly number[], ys: readonly number[], epsilon: number): Uint8Array {
  const n = xs.length;
  const keep = new Uint8Array(n);
  if (n === 0) return keep;
  keep[0] = 1;
  keep[n - 1] = 1;
  const stack: number[] = [0, n - 1];
  while (stack.length > 0) {
    const last = stack.pop() as number;
    const first = stack.pop() as number;
    const ax = xs[first];
    const ay = ys[first];
    const dx = xs[last] - ax;
    const dy = ys[last] - ay;
    const len2 = dx * dx + dy * dy;
    let worst = -1;
    let worstD = epsilon;
    for (let i = first + 1; i < last; i++) {
      const px = xs[i] - ax;
      const py = ys[i] - ay;
      let d: number;
      if (len2 === 0) d = Math.hypot(px, py);
      else d = Math.abs(px * dy - py * dx) / Math.sqrt(len2);
      if (d > worstD) {
        worstD = d;
        worst = i;
      }
    }
    if (worst >= 0) {
      keep[worst] = 1;
      stack.push(first, worst, worst, last);
    }
  }
  return keep;
}

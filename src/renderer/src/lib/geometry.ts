import type { Stroke } from '../../../shared/types/drawing';

export interface Point {
  x: number;
  y: number;
}

/** Squared distance from p to the segment a–b. */
export function segmentDistanceSq(p: Point, a: Point, b: Point): number {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const qx = a.x + t * dx - p.x;
  const qy = a.y + t * dy - p.y;
  return qx * qx + qy * qy;
}

/** True when a circle of `radius` around p touches the stroke's polyline (or its single dot). */
export function strokeTouches(stroke: Stroke, p: Point, radius: number): boolean {
  const n = Math.min(stroke.x.length, stroke.y.length);
  const r2 = radius * radius;
  if (n === 1)
    return segmentDistanceSq(p, { x: stroke.x[0], y: stroke.y[0] }, { x: stroke.x[0], y: stroke.y[0] }) <= r2;
  for (let i = 1; i < n; i++) {
    const a = { x: stroke.x[i - 1], y: stroke.y[i - 1] };
    const b = { x: stroke.x[i], y: stroke.y[i] };
    if (segmentDistanceSq(p, a, b) <= r2) return true;
  }
  return false;
}

/**
 * Indexes of strokes the eraser touched moving from `from` to `to`: the path is sampled every
 * half radius so a fast flick does not jump over a thin stroke.
 */
export function strokesTouchedAlong(strokes: readonly Stroke[], from: Point, to: Point, radius: number): number[] {
  const distance = Math.hypot(to.x - from.x, to.y - from.y);
  const steps = Math.max(1, Math.ceil(distance / Math.max(radius / 2, 1)));
  const hit: number[] = [];
  strokes.forEach((stroke, index) => {
    for (let s = 0; s <= steps; s++) {
      const t = s / steps;
      if (strokeTouches(stroke, { x: from.x + t * (to.x - from.x), y: from.y + t * (to.y - from.y) }, radius)) {
        hit.push(index);
        return;
      }
    }
  });
  return hit;
}

/** Pointer position inside an element, clamped to it (a stroke dragged outside stays on the edge). */
export function localPoint(
  clientX: number,
  clientY: number,
  rect: { left: number; top: number; width: number; height: number },
): Point {
  return {
    x: Math.max(0, Math.min(rect.width, clientX - rect.left)),
    y: Math.max(0, Math.min(rect.height, clientY - rect.top)),
  };
}

/** Skips points closer than `minDistance` to the last kept one: fewer points, same shape. */
export function shouldKeepPoint(last: Point | undefined, next: Point, minDistance = 1): boolean {
  if (!last) return true;
  return Math.hypot(next.x - last.x, next.y - last.y) >= minDistance;
}

/** Konva's flat [x0, y0, x1, y1, …]; a single dot becomes a tiny segment so it is painted. */
export function flatPoints(stroke: Stroke): number[] {
  const points: number[] = [];
  const n = Math.min(stroke.x.length, stroke.y.length);
  for (let i = 0; i < n; i++) points.push(stroke.x[i], stroke.y[i]);
  if (n === 1) points.push(stroke.x[0] + 0.1, stroke.y[0] + 0.1);
  return points;
}

/** The same drawing point for point (timestamps aside: the engine does not read them). */
export function sameStrokes(a: readonly Stroke[], b: readonly Stroke[]): boolean {
  if (a.length !== b.length) return false;
  for (let s = 0; s < a.length; s++) {
    const p = a[s];
    const q = b[s];
    if (p.x.length !== q.x.length || p.y.length !== q.y.length) return false;
    for (let i = 0; i < p.x.length; i++) if (p.x[i] !== q.x[i] || p.y[i] !== q.y[i]) return false;
  }
  return true;
}

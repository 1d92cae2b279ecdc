/**
 * A hand's pen path turned into what the studio's canvas reports: a smooth curve through control
 * points, a point every few pixels as a mouse sends them, hand jitter, whole pixels on the stage.
 * The drawn test sets are made with it (the digits take its resampling; their spline splits at corners).
 */
import type { Stroke } from '../../../src/shared/types/drawing';

export type Point = [number, number];

/** `n` + 1 points on an ellipse from angle `start`, going `turns` times round (y down). */
export function ellipse(
  cx: number,
  cy: number,
  rx: number,
  ry: number,
  n: number,
  start: number,
  turns: number,
): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= n; i++) {
    const a = start + (2 * Math.PI * turns * i) / n;
    out.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return out;
}

/** Catmull–Rom through the control points: the hand's smooth curve. */
export function smoothPath(p: readonly Point[], steps = 12): Point[] {
  if (p.length < 3) return [...p];
  const out: Point[] = [];
  for (let i = 0; i < p.length - 1; i++) {
    const p0 = p[Math.max(i - 1, 0)];
    const p1 = p[i];
    const p2 = p[i + 1];
    const p3 = p[Math.min(i + 2, p.length - 1)];
    for (let s = 0; s < steps; s++) {
      const t = s / steps;
      const t2 = t * t;
      const t3 = t2 * t;
      const f = (a: number, b: number, c: number, d: number) =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  out.push(p[p.length - 1]);
  return out;
}

/** Points every `spacing` pixels along a path, as a mouse reports them. */
export function resample(path: readonly Point[], spacing: number): Point[] {
  const out: Point[] = [path[0]];
  let carry = 0;
  for (let i = 1; i < path.length; i++) {
    const [ax, ay] = path[i - 1];
    const [bx, by] = path[i];
    const len = Math.hypot(bx - ax, by - ay);
    let d = spacing - carry;
    while (d <= len) {
      const t = d / len;
      out.push([ax + (bx - ax) * t, ay + (by - ay) * t]);
      d += spacing;
    }
    carry = len - (d - spacing);
  }
  out.push(path[path.length - 1]);
  return out;
}

export interface Hand {
  /** Canvas pixels between reported points. */
  spacing: number;
  /** Standard deviation of the hand's wobble, in canvas pixels. */
  jitter: number;
  /** A standard normal draw (seeded by the caller). */
  gauss: () => number;
  /** The stage's side: it reports whole pixels and nothing beyond its edges. */
  stage: number;
}

/** A path on the stage as one canvas stroke. */
export function mouseStroke(path: readonly Point[], hand: Hand): Stroke {
  const points = resample(path, hand.spacing);
  const onStage = (v: number) => Math.min(Math.max(Math.round(v), 0), hand.stage);
  return {
    x: points.map(([x]) => onStage(x + hand.gauss() * hand.jitter)),
    y: points.map(([, y]) => onStage(y + hand.gauss() * hand.jitter)),
  };
}

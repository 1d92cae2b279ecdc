/**
 * Digits drawn as mouse strokes, from templates: each digit's pen path in a unit box, then per
 * drawing a seeded slant, size, aspect, small rotation, placement on a 360-px canvas, mouse-like
 * sampling (a point every few pixels) and hand jitter. The set is written once as a fixture
 * (bench/quality/fixtures/drawn-digits.json) so every run scores the same drawings:
 *
 *   npx tsx bench/quality/fidelity/drawn-digits.ts [--per-digit 30] [--seed 7]
 *
 * Pen width is not varied: the canvas sends centre lines, and the model's recipe draws every
 * stroke with its own width, so a person's pen width never reaches the model.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import type { Stroke } from '../../../src/shared/types/drawing';
import { seededRandom } from '../../../src/engine/data/split';
import { numberArg, parseArgs } from '../args';

type Point = [number, number];
/** One pen-down path: control points in a unit box (y down); smooth paths are splined. */
interface PenPath {
  points: Point[];
  smooth: boolean;
}

/** Three ways of writing each digit, all seen in MNIST. */
// prettier-ignore
const TEMPLATES: Record<number, PenPath[][]> = {
  0: [
    [{ smooth: true, points: ellipse(0.5, 0.5, 0.36, 0.5, 14, -0.5 * Math.PI, 1.08) }],
    [{ smooth: true, points: ellipse(0.5, 0.5, 0.3, 0.5, 14, -0.4 * Math.PI, 1.04) }],
    [{ smooth: true, points: ellipse(0.5, 0.5, 0.4, 0.48, 14, 0.3 * Math.PI, 1.1) }],
  ],
  1: [
    [{ smooth: false, points: [[0.5, 0], [0.5, 1]] }],
    [{ smooth: false, points: [[0.3, 0.18], [0.55, 0], [0.55, 1]] }],
    [{ smooth: false, points: [[0.3, 0.15], [0.55, 0], [0.55, 1]] }, { smooth: false, points: [[0.28, 1], [0.82, 1]] }],
  ],
  2: [
    [{ smooth: true, points: [[0.12, 0.25], [0.45, 0], [0.85, 0.2], [0.7, 0.55], [0.1, 1]] }, { smooth: false, points: [[0.1, 1], [0.92, 1]] }],
    [{ smooth: true, points: [[0.15, 0.22], [0.5, 0], [0.85, 0.25], [0.5, 0.65], [0.08, 0.98], [0.5, 0.93], [0.95, 1]] }],
    [{ smooth: true, points: [[0.15, 0.25], [0.5, 0], [0.85, 0.25], [0.6, 0.6], [0.15, 0.95], [0.3, 0.85], [0.45, 0.97], [0.9, 0.97]] }],
  ],
  3: [
    [{ smooth: true, points: [[0.12, 0.12], [0.5, 0], [0.82, 0.18], [0.72, 0.4], [0.4, 0.5], [0.8, 0.6], [0.88, 0.82], [0.5, 1], [0.1, 0.88]] }],
    [{ smooth: true, points: [[0.15, 0.1], [0.55, 0], [0.8, 0.22], [0.45, 0.48], [0.85, 0.7], [0.6, 0.98], [0.12, 0.9]] }],
    [{ smooth: false, points: [[0.15, 0], [0.85, 0], [0.45, 0.4]] }, { smooth: true, points: [[0.45, 0.4], [0.85, 0.62], [0.75, 0.92], [0.4, 1], [0.1, 0.88]] }],
  ],
  4: [
    [{ smooth: false, points: [[0.62, 0], [0.05, 0.68], [0.95, 0.68]] }, { smooth: false, points: [[0.7, 0.3], [0.7, 1]] }],
    [{ smooth: false, points: [[0.15, 0], [0.1, 0.6], [0.92, 0.6]] }, { smooth: false, points: [[0.72, 0], [0.72, 1]] }],
    [{ smooth: false, points: [[0.75, 1], [0.72, 0], [0.08, 0.65], [0.95, 0.65]] }],
  ],
  5: [
    [{ smooth: false, points: [[0.85, 0], [0.25, 0], [0.2, 0.45]] }, { smooth: true, points: [[0.2, 0.45], [0.55, 0.38], [0.88, 0.62], [0.75, 0.9], [0.42, 1], [0.1, 0.88]] }],
    [{ smooth: false, points: [[0.28, 0], [0.22, 0.45]] }, { smooth: true, points: [[0.22, 0.45], [0.6, 0.4], [0.85, 0.68], [0.6, 0.97], [0.15, 0.9]] }, { smooth: false, points: [[0.28, 0], [0.88, 0.02]] }],
    [{ smooth: false, points: [[0.85, 0.02], [0.3, 0], [0.22, 0.45]] }, { smooth: true, points: [[0.22, 0.45], [0.7, 0.42], [0.85, 0.75], [0.5, 1], [0.15, 0.85]] }],
  ],
  6: [
    [{ smooth: true, points: [[0.75, 0], [0.4, 0.25], [0.17, 0.62], [0.3, 0.96], [0.65, 0.97], [0.82, 0.72], [0.6, 0.52], [0.3, 0.58], [0.18, 0.72]] }],
    [{ smooth: true, points: [[0.65, 0], [0.3, 0.35], [0.2, 0.75], [0.45, 1], [0.78, 0.8], [0.6, 0.55], [0.25, 0.68]] }],
    [{ smooth: true, points: [[0.7, 0.02], [0.3, 0.3], [0.15, 0.7], [0.4, 1], [0.8, 0.85], [0.75, 0.55], [0.4, 0.5], [0.17, 0.7]] }],
  ],
  7: [
    [{ smooth: false, points: [[0.08, 0], [0.92, 0], [0.4, 1]] }],
    [{ smooth: false, points: [[0.1, 0.08], [0.12, 0], [0.9, 0], [0.55, 0.5], [0.45, 1]] }],
    [{ smooth: false, points: [[0.1, 0], [0.9, 0], [0.45, 1]] }, { smooth: false, points: [[0.32, 0.5], [0.82, 0.5]] }],
  ],
  8: [
    [{ smooth: true, points: [[0.55, 0.02], [0.2, 0.2], [0.5, 0.47], [0.85, 0.72], [0.5, 1], [0.15, 0.72], [0.5, 0.47], [0.8, 0.2], [0.55, 0.02]] }],
    [{ smooth: true, points: [[0.8, 0.12], [0.5, 0], [0.22, 0.2], [0.5, 0.45], [0.82, 0.7], [0.52, 1], [0.18, 0.75], [0.5, 0.45], [0.78, 0.2]] }],
    [{ smooth: true, points: ellipse(0.5, 0.24, 0.28, 0.24, 12, 0.5 * Math.PI, 1) }, { smooth: true, points: ellipse(0.5, 0.73, 0.36, 0.27, 12, -0.5 * Math.PI, 1) }],
  ],
  9: [
    [{ smooth: true, points: [[0.82, 0.18], [0.5, 0], [0.2, 0.18], [0.28, 0.45], [0.6, 0.45], [0.8, 0.22]] }, { smooth: false, points: [[0.82, 0.15], [0.76, 1]] }],
    [{ smooth: true, points: [[0.8, 0.25], [0.55, 0.02], [0.2, 0.15], [0.25, 0.42], [0.55, 0.45], [0.8, 0.25], [0.7, 0.65], [0.5, 1]] }],
    [{ smooth: true, points: ellipse(0.5, 0.27, 0.32, 0.26, 12, 0, 1) }, { smooth: false, points: [[0.82, 0.27], [0.8, 1]] }],
  ],
};

function ellipse(cx: number, cy: number, rx: number, ry: number, n: number, start: number, turns: number): Point[] {
  const out: Point[] = [];
  for (let i = 0; i <= n; i++) {
    const a = start - (2 * Math.PI * turns * i) / n;
    out.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return out;
}

/** Catmull–Rom through the control points (the hand's smooth curve), or the polyline itself. */
function densePath(path: PenPath, steps = 12): Point[] {
  const p = path.points;
  if (!path.smooth || p.length < 3) return p;
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

/** Points every `spacing` canvas pixels along a path, as a mouse reports them. */
function resample(path: Point[], spacing: number): Point[] {
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

/** The drawing stage's side in canvas pixels. */
const STAGE = 360;

export interface DrawnDigit {
  label: number;
  strokes: Stroke[];
}

/** `perDigit` drawings of each digit 0–9, the same for the same seed. */
export function generateDrawnDigits(perDigit: number, seed: number): DrawnDigit[] {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const out: DrawnDigit[] = [];
  for (let label = 0; label <= 9; label++) {
    for (let k = 0; k < perDigit; k++) {
      const template = TEMPLATES[label][k % TEMPLATES[label].length];
      const height = between(140, 300);
      const width = height * between(0.65, 1.0);
      const slant = between(-0.15, 0.4); // right-leaning hands are the common ones
      const turn = between(-0.12, 0.12);
      const left = between(20, 340 - width - slant * height);
      const top = between(20, 340 - height);
      const jitter = between(0.5, 2.5);
      const cos = Math.cos(turn);
      const sin = Math.sin(turn);
      const strokes = template.map((path) => {
        const canvas = densePath(path).map(([u, v]): Point => {
          // slant: the top of the digit leans right (x grows as y falls)
          const x = (u - 0.5) * width + slant * (0.5 - v) * height;
          const y = (v - 0.5) * height;
          return [left + width / 2 + x * cos - y * sin, top + height / 2 + x * sin + y * cos];
        });
        const points = resample(canvas, between(3, 7));
        // The stage reports whole pixels and nothing beyond its edges.
        const onStage = (v: number) => Math.min(Math.max(Math.round(v), 0), STAGE);
        return {
          x: points.map(([x]) => onStage(x + gauss() * jitter)),
          y: points.map(([, y]) => onStage(y + gauss() * jitter)),
        };
      });
      out.push({ label, strokes });
    }
  }
  return out;
}

export const DRAWN_DIGITS_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'drawn-digits.json');

if (process.argv[1]?.endsWith('drawn-digits.ts')) {
  const args = parseArgs(process.argv.slice(2));
  const perDigit = numberArg(args, 'per-digit', 30);
  const seed = numberArg(args, 'seed', 7);
  const drawings = generateDrawnDigits(perDigit, seed);
  const body = {
    about: 'Digits drawn as canvas strokes from templates (bench/quality/fidelity/drawn-digits.ts)',
    seed,
    perDigit,
    canvas: STAGE,
    drawings,
  };
  // Written as Prettier formats it, so the repository's format check passes on it.
  const style = await resolveConfig(DRAWN_DIGITS_FIXTURE);
  writeFileSync(DRAWN_DIGITS_FIXTURE, await format(JSON.stringify(body), { ...style, filepath: DRAWN_DIGITS_FIXTURE }));
  console.log(`wrote ${drawings.length} drawings to ${DRAWN_DIGITS_FIXTURE}`);
}

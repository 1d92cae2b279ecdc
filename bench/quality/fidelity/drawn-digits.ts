/**
 * Digits drawn as mouse strokes, the way many hands write them: each drawing takes one of its
 * digit's styles (digit-styles.ts), moves every control point a little, and draws it with one
 * hand's slant (left-leaning, upright or right), size, aspect, small rotation and placement on a
 * 360-px canvas; the pen wobbles slowly along its path, runs a little past a stroke's end (and
 * past the start of a closed loop), and the mouse reports a jittered point every few pixels.
 * The benchmark's set is written once as a fixture (bench/quality/fixtures/drawn-digits.json)
 * from seed 7, so every run scores the same drawings; other seeds give other drawings (training
 * digits must come from another seed than the fixture's):
 *
 *   npx tsx bench/quality/fidelity/drawn-digits.ts [--per-digit 60] [--seed 7]
 *
 * Pen width is not varied: the canvas sends centre lines, and the model's recipe draws every
 * stroke with its own width, so a person's pen width never reaches the model.
 */
import { writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join } from 'node:path';
import type { Stroke } from '../../../src/shared/types/drawing';
import { seededRandom } from '../../../src/engine/data/split';
import { CANVAS_SIZE } from '../../../src/renderer/src/lib/workbench-geometry';
import { numberArg, parseArgs } from '../args';
import { CORNER, stylesOf, type Control, type DigitStyle, type PenStroke } from './digit-styles';
import { resample, type Point } from './pen-path';

export { DIGIT_STYLES, stylesOf, type DigitStyle } from './digit-styles';

/** Room left between a drawing and the stage's edge, so jitter never pushes a point off it. */
const MARGIN = 16;
export const FIXTURE_SEED = 7;
export const FIXTURE_PER_DIGIT = 60;

export interface DrawnDigit {
  label: number;
  /** The style it was drawn in (a name from DIGIT_STYLES). */
  style: string;
  strokes: Stroke[];
}

interface Chance {
  between(lo: number, hi: number): number;
  gauss(): number;
}

/** Catmull–Rom through the control points, split at corners, where the pen turns sharply. */
function densePath(points: readonly Control[], steps = 12): Point[] {
  const out: Point[] = [[points[0][0], points[0][1]]];
  let from = 0;
  for (let i = 1; i < points.length; i++) {
    if (i < points.length - 1 && points[i][2] !== CORNER) continue;
    const piece = points.slice(from, i + 1);
    for (let j = 0; j < piece.length - 1; j++) {
      const p0 = piece[Math.max(j - 1, 0)];
      const p1 = piece[j];
      const p2 = piece[j + 1];
      const p3 = piece[Math.min(j + 2, piece.length - 1)];
      for (let s = 1; s <= steps; s++) {
        const t = s / steps;
        const t2 = t * t;
        const t3 = t2 * t;
        const f = (a: number, b: number, c: number, d: number) =>
          0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
        out.push([f(p0[0], p1[0], p2[0], p3[0]), f(p0[1], p1[1], p2[1], p3[1])]);
      }
    }
    from = i;
  }
  return out;
}

const pathLength = (path: Point[]) =>
  path.reduce((sum, p, i) => (i ? sum + Math.hypot(p[0] - path[i - 1][0], p[1] - path[i - 1][1]) : 0), 0);

/** The path carried on past its end: a closed loop over its own start, an open stroke straight on. */
function overshoot(path: Point[], closed: boolean, by: number): Point[] {
  if (closed) {
    const out = [...path];
    let run = 0;
    for (let i = 1; i < path.length && run < by; i++) {
      run += Math.hypot(path[i][0] - path[i - 1][0], path[i][1] - path[i - 1][1]);
      out.push(path[i]);
    }
    return out;
  }
  const end = path[path.length - 1];
  // The direction over the last few pixels, so one short spline step does not decide it.
  let back = path.length - 2;
  while (back > 0 && Math.hypot(end[0] - path[back][0], end[1] - path[back][1]) < 6) back--;
  const dx = end[0] - path[back][0];
  const dy = end[1] - path[back][1];
  const d = Math.hypot(dx, dy) || 1;
  return [...path, [end[0] + (dx / d) * by, end[1] + (dy / d) * by]];
}

/** One hand's slant: most lean right, some write upright, a few lean left. */
function slantOf(chance: Chance): number {
  const kind = chance.between(0, 1);
  if (kind < 0.2) return chance.between(-0.25, -0.05);
  if (kind < 0.45) return chance.between(-0.05, 0.05);
  return chance.between(0.05, 0.45);
}

function drawStyle(style: DigitStyle, chance: Chance): Stroke[] {
  const { between, gauss } = chance;
  // The shape itself: every control point a few % of the box off the style's.
  const wander = between(0.015, 0.035);
  const moved = style.strokes.map((stroke: PenStroke): Control[] => {
    const points = stroke.points.map(([x, y, corner]): Control => {
      const p: Point = [x + gauss() * wander, y + gauss() * wander];
      return corner === CORNER ? [p[0], p[1], CORNER] : p;
    });
    // A loop is meant to close: its end aims at its (moved) start; the overshoot carries it on.
    if (stroke.closed) points[points.length - 1] = points[0];
    return points;
  });
  // The hand: size, aspect, slant, turn.
  const height = between(140, 300);
  const width = height * between(0.65, 1.05);
  const slant = slantOf(chance);
  const turn = between(-0.1, 0.1);
  const cos = Math.cos(turn);
  const sin = Math.sin(turn);
  // Slow tremor: a drift along the path, a smooth function of how far the pen has gone.
  const tremor = [0, 1].map(() => ({
    amplitude: between(0, 0.012) * height,
    wavelength: between(0.3, 1.2) * height,
    phase: [between(0, 2 * Math.PI), between(0, 2 * Math.PI)],
  }));
  let travelled = between(0, height);
  const paths = moved.map((points, i) => {
    const onCanvas = densePath(points).map(([u, v]): Point => {
      // slant: the top of the digit leans right (x grows as y falls)
      const x = (u - 0.5) * width + slant * (0.5 - v) * height;
      const y = (v - 0.5) * height;
      return [x * cos - y * sin, x * sin + y * cos];
    });
    const closed = style.strokes[i].closed === true;
    const long = overshoot(
      onCanvas,
      closed,
      closed ? between(0.02, 0.1) * pathLength(onCanvas) : between(0, 0.06) * height,
    );
    const wobbled = long.map(([x, y], j): Point => {
      if (j > 0) travelled += Math.hypot(x - long[j - 1][0], y - long[j - 1][1]);
      let dx = 0;
      let dy = 0;
      for (const t of tremor) {
        const a = (2 * Math.PI * travelled) / t.wavelength;
        dx += t.amplitude * Math.sin(a + t.phase[0]);
        dy += t.amplitude * Math.sin(a + t.phase[1]);
      }
      return [x + dx, y + dy];
    });
    travelled += between(0.1, 0.4) * height; // the pen lifted and moved on
    return wobbled;
  });
  // Placement: anywhere on the stage that holds the whole drawing (smaller if it would not fit).
  const all = paths.flat();
  const minX = Math.min(...all.map((p) => p[0]));
  const maxX = Math.max(...all.map((p) => p[0]));
  const minY = Math.min(...all.map((p) => p[1]));
  const maxY = Math.max(...all.map((p) => p[1]));
  const room = CANVAS_SIZE - 2 * MARGIN;
  const fit = Math.min(1, room / (maxX - minX), room / (maxY - minY));
  const left = between(MARGIN, CANVAS_SIZE - MARGIN - (maxX - minX) * fit);
  const top = between(MARGIN, CANVAS_SIZE - MARGIN - (maxY - minY) * fit);
  const spacing = between(3, 7);
  const jitter = between(0.5, 2.5);
  // The stage reports whole pixels and nothing beyond its edges.
  const onStage = (v: number) => Math.min(Math.max(Math.round(v), 0), CANVAS_SIZE);
  return paths.map((path) => {
    const points = resample(
      path.map(([x, y]): Point => [left + (x - minX) * fit, top + (y - minY) * fit]),
      spacing,
    );
    return {
      x: points.map(([x]) => onStage(x + gauss() * jitter)),
      y: points.map(([, y]) => onStage(y + gauss() * jitter)),
    };
  });
}

/** `perDigit` drawings of each digit 0–9, its styles taken in turn; the same for the same seed. */
export function generateDrawnDigits(perDigit: number, seed: number): DrawnDigit[] {
  const random = seededRandom(seed);
  const chance: Chance = {
    between: (lo, hi) => lo + (hi - lo) * random(),
    gauss: () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random()),
  };
  const out: DrawnDigit[] = [];
  for (let label = 0; label <= 9; label++) {
    const styles = stylesOf(label);
    for (let k = 0; k < perDigit; k++) {
      const style = styles[k % styles.length];
      out.push({ label, style: style.name, strokes: drawStyle(style, chance) });
    }
  }
  return out;
}

export const DRAWN_DIGITS_FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'drawn-digits.json');

if (process.argv[1]?.endsWith('drawn-digits.ts')) {
  const args = parseArgs(process.argv.slice(2));
  const perDigit = numberArg(args, 'per-digit', FIXTURE_PER_DIGIT);
  const seed = numberArg(args, 'seed', FIXTURE_SEED);
  const drawings = generateDrawnDigits(perDigit, seed);
  const body = {
    about: 'Digits drawn as canvas strokes in named styles (bench/quality/fidelity/drawn-digits.ts)',
    seed,
    perDigit,
    canvas: CANVAS_SIZE,
    drawings,
  };
  // Written as Prettier formats it, so the repository's format check passes on it.
  const style = await resolveConfig(DRAWN_DIGITS_FIXTURE);
  writeFileSync(DRAWN_DIGITS_FIXTURE, await format(JSON.stringify(body), { ...style, filepath: DRAWN_DIGITS_FIXTURE }));
  console.log(`wrote ${drawings.length} drawings to ${DRAWN_DIGITS_FIXTURE}`);
}

/**
 * How people write each digit: several named styles per digit, each the pen's path as control
 * points in a unit box (y down), stroke by stroke in the order a hand draws them. Beside the
 * MNIST (American) shapes are the ones MNIST rarely holds: the European 1 with its long flag and
 * foot, crossed 7s, flat-topped 3s, open 4s, 0s closed with a tail, looped 2s.
 */

/** A control point; a third element `CORNER` makes the pen turn sharply there instead of curving. */
export type Control = readonly [number, number] | readonly [number, number, typeof CORNER];
export const CORNER = 1;

/** One pen-down stroke; `closed` ones end where they began, and a hand overshoots the start. */
export interface PenStroke {
  points: readonly Control[];
  closed?: boolean;
}

export interface DigitStyle {
  name: string;
  label: number;
  strokes: readonly PenStroke[];
}

const K = CORNER;
const curve = (points: Control[], closed = false): PenStroke => ({ points, closed });
/** Straight segments only: every point is a corner. */
const line = (points: (readonly [number, number])[]): PenStroke => ({
  points: points.map(([x, y]): Control => [x, y, K]),
});

/** `turns` of an ellipse from angle `start` (radians, 0 = right, y down), counter-clockwise on screen. */
function ellipse(cx: number, cy: number, rx: number, ry: number, n: number, start: number, turns = 1): Control[] {
  const out: Control[] = [];
  for (let i = 0; i <= n; i++) {
    const a = start - (2 * Math.PI * turns * i) / n;
    out.push([cx + rx * Math.cos(a), cy + ry * Math.sin(a)]);
  }
  return out;
}

const TOP = -0.5 * Math.PI;

// prettier-ignore
export const DIGIT_STYLES: readonly DigitStyle[] = [
  { name: '0-plain', label: 0, strokes: [curve(ellipse(0.5, 0.5, 0.45, 0.5, 8, TOP + 0.15), true)] },
  // Closed, then on past the start: the end runs inside the loop's beginning and out at the top.
  { name: '0-tail', label: 0, strokes: [curve([[0.62, 0.02], [0.34, 0.05], [0.1, 0.32], [0.08, 0.68], [0.32, 0.98], [0.68, 0.97], [0.92, 0.68], [0.9, 0.3], [0.74, 0.08], [0.52, -0.02], [0.34, -0.12]])] },
  // Left-handed hands go round the other way.
  { name: '0-clockwise', label: 0, strokes: [curve(ellipse(0.5, 0.5, 0.45, 0.5, 8, TOP - 0.2, -1), true)] },

  { name: '1-stick', label: 1, strokes: [line([[0.52, 0], [0.5, 1]])] },
  { name: '1-flag', label: 1, strokes: [line([[0.3, 0.17], [0.58, 0], [0.56, 1]])] },
  // The continental 1: a flag reaching a third of the way down.
  { name: '1-long-flag', label: 1, strokes: [line([[0.08, 0.36], [0.62, 0], [0.6, 1]])] },
  { name: '1-flag-foot', label: 1, strokes: [line([[0.16, 0.3], [0.58, 0], [0.56, 1]]), line([[0.2, 1], [0.92, 1]])] },

  { name: '2-plain', label: 2, strokes: [curve([[0.1, 0.28], [0.4, 0.02], [0.78, 0.06], [0.86, 0.3], [0.6, 0.6], [0.08, 1, K], [0.5, 0.98], [0.92, 1]])] },
  // A small loop where the diagonal meets the base.
  { name: '2-loop', label: 2, strokes: [curve([[0.12, 0.25], [0.45, 0], [0.82, 0.15], [0.75, 0.42], [0.45, 0.7], [0.24, 0.94], [0.04, 0.92], [0.04, 0.72], [0.24, 0.74], [0.42, 0.96], [0.7, 1], [0.94, 0.95]])] },
  { name: '2-angular', label: 2, strokes: [curve([[0.12, 0.25], [0.45, 0.02], [0.8, 0.1], [0.84, 0.32, K], [0.1, 1, K], [0.92, 1]])] },

  { name: '3-round', label: 3, strokes: [curve([[0.12, 0.15], [0.45, 0], [0.8, 0.12], [0.78, 0.35], [0.42, 0.48, K], [0.8, 0.6], [0.88, 0.83], [0.5, 1], [0.1, 0.88]])] },
  // A straight top bar and a diagonal down to the lower bowl.
  { name: '3-flat-top', label: 3, strokes: [curve([[0.12, 0, K], [0.85, 0, K], [0.42, 0.4, K], [0.76, 0.5], [0.88, 0.75], [0.62, 0.98], [0.3, 0.98], [0.08, 0.84]])] },

  // The left arm stops short of the stem: the top stays open.
  { name: '4-open', label: 4, strokes: [line([[0.18, 0], [0.1, 0.62], [0.95, 0.62]]), line([[0.72, 0.04], [0.72, 1]])] },
  { name: '4-closed', label: 4, strokes: [line([[0.66, 0], [0.05, 0.68], [0.95, 0.68]]), line([[0.66, 0], [0.68, 1]])] },
  { name: '4-one-stroke', label: 4, strokes: [line([[0.72, 1], [0.7, 0], [0.08, 0.65], [0.95, 0.65]])] },

  // Stem and bowl first, the flag added last.
  { name: '5-two-stroke', label: 5, strokes: [curve([[0.25, 0.02], [0.2, 0.45, K], [0.5, 0.38], [0.82, 0.55], [0.85, 0.8], [0.55, 1], [0.12, 0.9]]), line([[0.25, 0.02], [0.88, 0]])] },
  { name: '5-one-stroke', label: 5, strokes: [curve([[0.88, 0], [0.25, 0.02, K], [0.2, 0.45, K], [0.55, 0.38], [0.85, 0.62], [0.78, 0.9], [0.45, 1], [0.1, 0.88]])] },

  { name: '6-loop', label: 6, strokes: [curve([[0.72, 0.02], [0.4, 0.22], [0.18, 0.58], [0.25, 0.92], [0.55, 1], [0.82, 0.8], [0.72, 0.52], [0.4, 0.5], [0.2, 0.68]])] },
  // A straight stem into a small loop.
  { name: '6-straight', label: 6, strokes: [curve([[0.78, 0], [0.26, 0.6, K], [0.2, 0.8], [0.38, 0.99], [0.68, 0.97], [0.82, 0.74], [0.62, 0.54], [0.36, 0.6], [0.22, 0.74]])] },
  // The loop closes across the stem and runs on out of it.
  { name: '6-tail', label: 6, strokes: [curve([[0.7, 0], [0.35, 0.25], [0.18, 0.6], [0.28, 0.93], [0.58, 1], [0.82, 0.78], [0.68, 0.52], [0.38, 0.52], [0.16, 0.62], [0.02, 0.72]])] },

  { name: '7-plain', label: 7, strokes: [line([[0.08, 0.02], [0.92, 0], [0.4, 1]])] },
  // A short tick down at the bar's left end.
  { name: '7-serif', label: 7, strokes: [line([[0.08, 0.2], [0.1, 0], [0.92, 0], [0.45, 1]])] },
  // The continental 7: a bar across the stem.
  { name: '7-crossed', label: 7, strokes: [line([[0.08, 0], [0.92, 0], [0.42, 1]]), line([[0.36, 0.52], [0.9, 0.5]])] },
  { name: '7-serif-crossed', label: 7, strokes: [line([[0.08, 0.2], [0.1, 0], [0.92, 0], [0.45, 1]]), line([[0.38, 0.52], [0.92, 0.5]])] },

  { name: '8-one-stroke', label: 8, strokes: [curve([[0.78, 0.12], [0.5, 0], [0.22, 0.18], [0.5, 0.45], [0.82, 0.7], [0.52, 1], [0.18, 0.75], [0.5, 0.45], [0.8, 0.2], [0.78, 0.12]], true)] },
  { name: '8-two-loops', label: 8, strokes: [curve(ellipse(0.5, 0.23, 0.3, 0.23, 7, TOP + 0.3), true), curve(ellipse(0.5, 0.72, 0.4, 0.28, 7, TOP + 0.3), true)] },

  // Loop, a turn at its right side, then a curved tail, in one stroke.
  { name: '9-looped', label: 9, strokes: [curve([[0.8, 0.22], [0.55, 0.02], [0.22, 0.12], [0.2, 0.4], [0.5, 0.5], [0.82, 0.26, K], [0.8, 0.6], [0.68, 0.88], [0.42, 1]])] },
  { name: '9-straight', label: 9, strokes: [curve([[0.8, 0.22], [0.55, 0.02], [0.22, 0.12], [0.2, 0.4], [0.5, 0.5], [0.82, 0.26, K], [0.8, 1]])] },
  { name: '9-two-stroke', label: 9, strokes: [curve(ellipse(0.5, 0.27, 0.32, 0.26, 7, 0), true), line([[0.82, 0.2], [0.8, 1]])] },
];

/** The styles of one digit, in the order drawings cycle through them. */
export function stylesOf(label: number): DigitStyle[] {
  return DIGIT_STYLES.filter((s) => s.label === label);
}

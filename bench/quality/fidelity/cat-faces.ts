/**
 * Cat faces drawn as mouse strokes on the studio's 360-px stage, seeded: a head (one closed
 * round or oval stroke), two pointed ears (one stroke or two), two eyes (circles or dots), a nose
 * (triangle or 'v'), most with a mouth, three whiskers a side. Each face varies the head's
 * aspect, the ears' size, lean and spread, where the eyes, nose and whiskers sit, their sizes,
 * and the whole face's slant, size and place on the stage; points come a few pixels apart with
 * hand jitter, as a mouse sends them. Every stroke is labelled with its part, so the benchmark
 * knows where in the model's raster the eyes and whiskers are (`detailRegions`).
 */
import type { Stroke } from '../../../src/shared/types/drawing';
import { normalizeCanvasStrokes, rasterize, RECIPES, type RasterRecipe } from '../../../src/engine/data/index';
import { seededRandom } from '../../../src/engine/data/split';
import { CANVAS_SIZE } from '../../../src/renderer/src/lib/workbench-geometry';
import { ellipse, mouseStroke, smoothPath, type Point } from './pen-path';

/** How many faces the benchmark draws, and from which seed. */
export const CAT_FACE_COUNT = 50;
export const CAT_FACE_SEED = 5;
/** Nearest a face comes to the stage's edge, in canvas pixels. */
export const STAGE_MARGIN = 12;

export const CAT_FACE_ERRORS = {
  movedRecipe: (recipe: string) =>
    `recipe ${recipe} moves the ink by its centre of mass, so a face's parts cannot be rendered in the face's frame`,
} as const;

export type FacePart = 'head' | 'ear' | 'eye' | 'nose' | 'mouth' | 'whisker';
export type Side = 'left' | 'right' | 'middle';

export interface CatFace {
  strokes: Stroke[];
  /** What each stroke draws (ears drawn as one stroke are 'middle'). */
  parts: { part: FacePart; side: Side }[];
}

/** The details the benchmark checks: each stroke of them is a region that must be kept. */
export type Detail = 'eyes' | 'whiskers';
export const DETAILS: readonly Detail[] = ['eyes', 'whiskers'];
const DETAIL_PART: Record<Detail, FacePart> = { eyes: 'eye', whiskers: 'whisker' };

interface Drawn {
  path: Point[];
  part: FacePart;
  side: Side;
}

/** One face in a frame where the head's half-width is 1, centred on the origin (y down). */
function drawFace(between: (lo: number, hi: number) => number, chance: (p: number) => boolean): Drawn[] {
  const ry = between(0.78, 1.08);
  const out: Drawn[] = [];
  // The head: drawn round once and a little over, from wherever the hand starts.
  const start = between(-Math.PI, Math.PI);
  out.push({ path: smoothPath(ellipse(0, 0, 1, ry, 16, start, between(1.0, 1.06))), part: 'head', side: 'middle' });

  // The ears: a triangle standing on the head's upper arc, tip out and up.
  const onHead = (a: number): Point => [Math.cos(a), ry * Math.sin(a)];
  const ear = (sign: number): Point[] => {
    const outer = -Math.PI / 2 - sign * between(0.85, 1.25);
    const inner = -Math.PI / 2 - sign * between(0.2, 0.5);
    const [ox, oy] = onHead(outer);
    const [ix, iy] = onHead(inner);
    const height = between(0.45, 0.8);
    const tip: Point = [(ox + ix) / 2 - sign * between(0.0, 0.25), Math.min(oy, iy) - height];
    return [[ox, oy], tip, [ix, iy]];
  };
  const left = ear(1);
  const right = ear(-1);
  if (chance(0.5)) {
    out.push({ path: left, part: 'ear', side: 'left' }, { path: right, part: 'ear', side: 'right' });
  } else {
    // Both ears in one go, along the top of the head between them.
    out.push({ path: [...left, ...[...right].reverse()], part: 'ear', side: 'middle' });
  }

  // The eyes: open circles or small dots, level or nearly.
  const eyeX = between(0.3, 0.45);
  const eyeY = -ry * between(0.12, 0.4);
  const dots = chance(0.35);
  for (const [sign, side] of [
    [-1, 'left'],
    [1, 'right'],
  ] as const) {
    const r = dots ? between(0.035, 0.06) : between(0.08, 0.14);
    const path = ellipse(sign * eyeX, eyeY + between(-0.03, 0.03), r, r * between(1.0, 1.35), 10, between(0, 6), 1.05);
    out.push({ path: smoothPath(path, 4), part: 'eye', side });
  }

  // The nose: a small triangle or 'v' below the eyes; the mouth, when drawn, hangs from it.
  const noseY = ry * between(0.08, 0.25);
  const noseW = between(0.1, 0.18);
  const noseH = noseW * between(0.6, 0.9);
  const nose: Point[] = chance(0.6)
    ? [
        [-noseW / 2, noseY],
        [noseW / 2, noseY],
        [0, noseY + noseH],
        [-noseW / 2, noseY],
      ]
    : [
        [-noseW / 2, noseY],
        [0, noseY + noseH],
        [noseW / 2, noseY],
      ];
  out.push({ path: nose, part: 'nose', side: 'middle' });
  if (chance(0.7)) {
    const a = between(0.08, 0.14);
    const h = Math.min(between(0.06, 0.12), ry * 0.85 - noseY - noseH);
    const top = noseY + noseH;
    const w: Point[] = [
      [-2 * a, top + h * 0.2],
      [-a, top + h],
      [0, top],
      [a, top + h],
      [2 * a, top + h * 0.2],
    ];
    out.push({ path: smoothPath(w, 6), part: 'mouth', side: 'middle' });
  }

  // Whiskers: three a side from the cheeks out past the head, fanned up, level and down.
  const whiskerY = noseY + between(0.0, 0.12);
  const reach = between(1.25, 1.6);
  const slopes = [between(-0.35, -0.15), between(-0.06, 0.06), between(0.15, 0.35)];
  for (const [sign, side] of [
    [-1, 'left'],
    [1, 'right'],
  ] as const) {
    const from = between(0.45, 0.7);
    slopes.forEach((slope, k) => {
      const y0 = whiskerY + (k - 1) * between(0.04, 0.08);
      const to = reach + between(-0.1, 0.1);
      const bend = between(-0.04, 0.04);
      const mid: Point = [(sign * (from + to)) / 2, y0 + (slope * (to - from)) / 2 + bend];
      const path: Point[] = [[sign * from, y0], mid, [sign * to, y0 + slope * (to - from)]];
      out.push({ path: smoothPath(path, 6), part: 'whisker', side });
    });
  }
  return out;
}

/** `count` faces, the same for the same seed. */
export function generateCatFaces(count: number, seed: number): CatFace[] {
  const random = seededRandom(seed);
  const between = (lo: number, hi: number) => lo + (hi - lo) * random();
  const chance = (p: number) => random() < p;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const faces: CatFace[] = [];
  for (let f = 0; f < count; f++) {
    const drawn = drawFace(between, chance);
    // Slant (a turn and a lean) and width, then the size and place on the stage.
    const turn = between(-0.2, 0.2);
    const lean = between(-0.12, 0.12);
    const wide = between(0.9, 1.1);
    const cos = Math.cos(turn);
    const sin = Math.sin(turn);
    const shaped = drawn.map((d) =>
      d.path.map(([x, y]): Point => {
        const u = (x + lean * y) * wide;
        return [u * cos - y * sin, u * sin + y * cos];
      }),
    );
    const all = shaped.flat();
    const minX = Math.min(...all.map((p) => p[0]));
    const maxX = Math.max(...all.map((p) => p[0]));
    const minY = Math.min(...all.map((p) => p[1]));
    const maxY = Math.max(...all.map((p) => p[1]));
    const room = CANVAS_SIZE - 2 * STAGE_MARGIN;
    const scale = (between(0.55, 0.9) * room) / Math.max(maxX - minX, maxY - minY);
    const left = STAGE_MARGIN + between(0, room - (maxX - minX) * scale);
    const top = STAGE_MARGIN + between(0, room - (maxY - minY) * scale);
    const hand = { spacing: between(3, 7), jitter: between(0.5, 1.5), gauss, stage: CANVAS_SIZE };
    const strokes = shaped.map((path) =>
      mouseStroke(
        path.map(([x, y]): Point => [left + (x - minX) * scale, top + (y - minY) * scale]),
        hand,
      ),
    );
    faces.push({ strokes, parts: drawn.map(({ part, side }) => ({ part, side })) });
  }
  return faces;
}

/**
 * Where a detail of the face lies in its raster as the model sees it (the canvas path: Quick,
 * Draw!'s normalisation, then `recipe`): one region per stroke of the detail (each eye, each of
 * the six whiskers), each the pixels the stroke inks (≥ 0.5) that nothing else in the face inks,
 * other whiskers included, so the gaps between whiskers belong to no one. The stroke is rendered
 * in the face's own frame by drawing it together with two single points at the corners of the
 * face's bounding box, less what those two points alone ink. A region left empty (the stroke is
 * hidden under other ink) is one the input does not show.
 */
export function detailRegions(face: CatFace, detail: Detail, recipe: RasterRecipe): Uint8Array[] {
  if (RECIPES[recipe].centerOfMass) throw new Error(CAT_FACE_ERRORS.movedRecipe(recipe));
  const normalized = normalizeCanvasStrokes(face.strokes);
  const xs = normalized.flatMap((s) => s.x);
  const ys = normalized.flatMap((s) => s.y);
  const corners: Stroke[] = [
    { x: [Math.min(...xs)], y: [Math.min(...ys)] },
    { x: [Math.max(...xs)], y: [Math.max(...ys)] },
  ];
  const inked = (strokes: Stroke[]) => Uint8Array.from(rasterize(strokes, recipe), (v) => (v >= 0.5 ? 1 : 0));
  const cornerInk = inked(corners);
  const part = DETAIL_PART[detail];
  const regionOf = (stroke: number): Uint8Array => {
    const own = inked([normalized[stroke], ...corners]);
    const others = inked([...normalized.filter((_, i) => i !== stroke), ...corners]);
    return own.map((v, i) => (v && !cornerInk[i] && !others[i] ? 1 : 0));
  };
  return face.parts.flatMap((p, i) => (p.part === part ? [regionOf(i)] : []));
}

import { s } from './schema';

/**
 * Limits that bound the work of one request, not only its bytes. Decoding the frame,
 * validating, normalising, rasterising, encoding and decoding a drawing at these limits takes
 * 10–25 ms here (bench/limits/run.ts), so one request stays within a frame or two. A person
 * drawing at 120 Hz needs over a minute of unbroken strokes to reach 10,000 points; Quick,
 * Draw!'s drawings (20 s each) have hundreds.
 */
export const DRAWING_LIMITS = { strokes: 500, pointsPerStroke: 5_000, points: 10_000, coordinate: 1e6 } as const;

/** Points of a drawing-like value without walking them (the x lengths): for prechecks. */
export function pointCount(strokes: unknown): number {
  if (!Array.isArray(strokes)) return 0;
  let n = 0;
  for (const stroke of strokes) {
    const x = (stroke as { x?: unknown } | null)?.x;
    if (Array.isArray(x)) n += x.length;
  }
  return n;
}

/** A drawing schema with its own limits (canvas requests, drawings inside concept sets). */
export function boundedDrawingSchema(limits: { strokes: number; pointsPerStroke: number; points: number }) {
  const coordinate = s.number({ min: -DRAWING_LIMITS.coordinate, max: DRAWING_LIMITS.coordinate });
  const stroke = s.object({
    x: s.array(coordinate, limits.pointsPerStroke),
    y: s.array(coordinate, limits.pointsPerStroke),
    t: s.optional(s.array(s.number({ min: 0 }), limits.pointsPerStroke)),
  });
  return s.precheck(
    s.array(stroke, limits.strokes),
    `at most ${limits.points} points in all`,
    // A too-long stroke list is refused by the array itself, before its items are walked.
    (v) => !Array.isArray(v) || v.length > limits.strokes || pointCount(v) <= limits.points,
  );
}

export const drawingSchema = boundedDrawingSchema(DRAWING_LIMITS);

export const recipeSchema = s.enum(['quickdraw28', 'cookbook32', 'mnist28'] as const);

/** "shipped:NAME" / "user:NAME", as models:list gives them. */
export const modelIdSchema = s.string(130, /^(shipped|user):[A-Za-z0-9._-]{1,120}$/);

/** A class index of a conditional model. */
export const labelSchema = s.integer(0, 9_999);

/** Latent vectors are small (≤ a few hundred values); this bounds a hostile one. */
export const latentSchema = s.float32Array(4_096);

export const drawingChannels = {} as const;

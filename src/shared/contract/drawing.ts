import { s } from './schema';

/** Limits that keep a hostile or broken client from making the engine allocate without bound. */
export const DRAWING_LIMITS = { strokes: 2_000, pointsPerStroke: 20_000, coordinate: 1e6 } as const;

export const strokeSchema = s.object({
  x: s.array(
    s.number({ min: -DRAWING_LIMITS.coordinate, max: DRAWING_LIMITS.coordinate }),
    DRAWING_LIMITS.pointsPerStroke,
  ),
  y: s.array(
    s.number({ min: -DRAWING_LIMITS.coordinate, max: DRAWING_LIMITS.coordinate }),
    DRAWING_LIMITS.pointsPerStroke,
  ),
  t: s.optional(s.array(s.number({ min: 0 }), DRAWING_LIMITS.pointsPerStroke)),
});

export const drawingSchema = s.array(strokeSchema, DRAWING_LIMITS.strokes);

export const recipeSchema = s.enum(['quickdraw28', 'cookbook32', 'mnist28'] as const);

/** "shipped:NAME" / "user:NAME", as models:list gives them. */
export const modelIdSchema = s.string(130, /^(shipped|user):[A-Za-z0-9._-]{1,120}$/);

/** A class index of a conditional model. */
export const labelSchema = s.integer(0, 9_999);

/** Latent vectors are small (≤ a few hundred values); this bounds a hostile one. */
export const latentSchema = s.float32Array(4_096);

export const drawingChannels = {} as const;

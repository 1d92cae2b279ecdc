import { channel } from './define';
import { s } from './schema';

/** Limits that keep a hostile or broken client from making the engine allocate without bound. */
export const DRAWING_LIMITS = { strokes: 2_000, pointsPerStroke: 20_000, coordinate: 1e6 } as const;

export const strokeSchema = s.object({
  x: s.array(s.number({ min: -DRAWING_LIMITS.coordinate, max: DRAWING_LIMITS.coordinate }), DRAWING_LIMITS.pointsPerStroke),
  y: s.array(s.number({ min: -DRAWING_LIMITS.coordinate, max: DRAWING_LIMITS.coordinate }), DRAWING_LIMITS.pointsPerStroke),
  t: s.optional(s.array(s.number({ min: 0 }), DRAWING_LIMITS.pointsPerStroke)),
});

export const drawingSchema = s.array(strokeSchema, DRAWING_LIMITS.strokes);

export const recipeSchema = s.enum(['quickdraw28', 'cookbook32'] as const);

export const drawingChannels = {} as const;

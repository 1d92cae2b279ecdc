import type { ArithmeticResult, Concept, DecodedImage, SampleGallery } from '../types/latent';
import type { Infer } from './schema';
import { channel } from './define';
import { boundedDrawingSchema, drawingSchema, labelSchema, modelIdSchema, pointCount } from './drawing';
import { s } from './schema';

export const CONCEPT_LIMITS = { items: 500, drawings: 50, name: 80, samples: 200, setPoints: 50_000 } as const;

/** A drawing inside a concept set: fewer points than a canvas request, and a budget for the set. */
const setDrawing = boundedDrawingSchema({ strokes: 200, pointsPerStroke: 5_000, points: 5_000 });
const setDrawings = s.precheck(
  s.array(setDrawing, CONCEPT_LIMITS.drawings),
  `at most ${CONCEPT_LIMITS.setPoints} points in all drawings`,
  (v) =>
    !Array.isArray(v) ||
    v.length > CONCEPT_LIMITS.drawings ||
    v.reduce((n: number, d) => n + pointCount(d), 0) <= CONCEPT_LIMITS.setPoints,
);

export const conceptSetSchema = s.union(
  s.object({ kind: s.literal('label'), label: labelSchema }),
  s.object({ kind: s.literal('items'), indexes: s.array(s.integer(0, 1_000_000), CONCEPT_LIMITS.items) }),
  s.object({ kind: s.literal('drawings'), drawings: setDrawings }),
);

/** A set of codes a concept vector is made from. */
export type ConceptSet = Infer<typeof conceptSetSchema>;

export const operandSchema = s.union(
  s.object({ kind: s.literal('drawing'), strokes: drawingSchema }),
  s.object({ kind: s.literal('item'), index: s.integer(0, 1_000_000) }),
);

/** A drawing on the canvas or a dataset item, as an operand of latent arithmetic. */
export type Operand = Infer<typeof operandSchema>;

const conceptIdSchema = s.string(64, /^c-[a-z0-9-]+$/);

/** Channels and events of the concepts feature. */
export const conceptsChannels = {
  'concepts:list': channel('engine', s.object({ modelId: modelIdSchema }), s.trusted<{ concepts: Concept[] }>()),
  /** Dataset items of the model's data for the gallery (and for sets made of picked items). */
  'concepts:samples': channel(
    'engine',
    s.object({
      modelId: modelIdSchema,
      offset: s.optional(s.integer(0, 1_000_000)),
      count: s.optional(s.integer(1, CONCEPT_LIMITS.samples)),
      label: s.optional(labelSchema),
    }),
    s.trusted<SampleGallery>(),
  ),
  /** mean code of set A − mean code of set B, named and kept in the data home. */
  'concepts:define': channel(
    'engine',
    s.object({
      modelId: modelIdSchema,
      name: s.string(CONCEPT_LIMITS.name, /\S/),
      a: conceptSetSchema,
      b: conceptSetSchema,
    }),
    s.trusted<Concept>(),
  ),
  'concepts:delete': channel(
    'engine',
    s.object({ modelId: modelIdSchema, id: conceptIdSchema }),
    s.trusted<{ concepts: Concept[] }>(),
  ),
  /** The drawing's code + strength × concept, decoded. */
  'concepts:apply': channel(
    'engine',
    s.object({
      modelId: modelIdSchema,
      id: conceptIdSchema,
      strokes: drawingSchema,
      strength: s.number({ min: -10, max: 10 }),
      label: s.optional(labelSchema),
    }),
    s.trusted<DecodedImage>(),
  ),
  /** A − B + C on codes of drawings or dataset items. */
  'concepts:arithmetic': channel(
    'engine',
    s.object({
      modelId: modelIdSchema,
      a: operandSchema,
      b: operandSchema,
      c: operandSchema,
      label: s.optional(labelSchema),
    }),
    s.trusted<ArithmeticResult>(),
  ),
} as const;

export const conceptsEvents = {} as const;

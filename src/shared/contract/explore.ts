import type { Stroke } from '../types/drawing';
import { channel } from './define';
import { modelIdSchema as modelId } from './drawing';
import { s } from './schema';

/**
 * Channels of the Explore tab: latent grid, scatter of the encoded validation set, dataset
 * items, interpolation, prior samples, class grids and blending, nearest neighbours.
 * Images travel as Float32Array blocks (count × imageSize², values in [0, 1]); thumbnails of
 * dataset items as Uint8Array blocks (count × imageSize², 0 = background).
 */

/** Upper bounds that keep one request from making the engine allocate without bound. */
export const EXPLORE_LIMITS = {
  latentSize: 512,
  classes: 64,
  gridSize: 30,
  interpolationSteps: 32,
  samples: 64,
  styles: 12,
  neighbours: 32,
  scatterPoints: 5000,
  blendCount: 16,
} as const;

export const PROJECTIONS = ['latent', 'pca', 'umap'] as const;
export type Projection = (typeof PROJECTIONS)[number];

export const INTERPOLATION_MODES = ['linear', 'spherical'] as const;

const latent = s.float32Array(EXPLORE_LIMITS.latentSize);
/** A class index, as `labelSchema` but within the classes explore handles. */
const label = s.integer(0, EXPLORE_LIMITS.classes - 1);
const seed = s.integer(0, 2 ** 31 - 1);
const dim = s.integer(0, EXPLORE_LIMITS.latentSize - 1);

/** A block of decoded images. */
export interface ImageBlock {
  count: number;
  imageSize: number;
  images: Float32Array;
  /** count × latentSize: the code each image was decoded from. */
  latents: Float32Array;
  latentSize: number;
}

export interface ExploreGrid extends ImageBlock {
  n: number;
  /** What the horizontal and vertical axes sweep, in words ("z0", "PC1 (61%)"). */
  axisLabels: [string, string];
}

export interface ExploreScatter {
  count: number;
  projection: Projection;
  /** count × 2 plot coordinates. */
  points: Float32Array;
  labels: Int32Array;
  classNames: string[];
  imageSize: number;
  /** count × imageSize² bytes: each point's drawing, for hover tooltips. */
  thumbnails: Uint8Array;
  axisLabels: [string, string];
  /** Where the points came from, in words (dataset and split). */
  sourceLabel: string;
}

export interface ExploreItem {
  /** Index of the point in the scatter (and in the neighbours' answers). */
  index: number;
  label: number;
  className: string;
  imageSize: number;
  image: Float32Array;
  /** The drawing's strokes (0–255 coordinates), or null for bitmap-only items such as MNIST. */
  strokes: Stroke[] | null;
  code: Float32Array;
}

export interface ExploreNeighbour {
  index: number;
  distance: number;
  label: number;
  className: string;
}

export interface ExploreNeighbours {
  neighbours: ExploreNeighbour[];
  imageSize: number;
  /** neighbours.length × imageSize² bytes. */
  thumbnails: Uint8Array;
}

export interface ExploreClassGrid extends ImageBlock {
  /** Styles (rows: one z each) × classes (columns). */
  rows: number;
  cols: number;
  classNames: string[];
}

export const exploreChannels = {
  /** n×n images decoded at normal quantiles over two latent dimensions or two principal directions. */
  'explore:grid': channel(
    'engine',
    s.object({
      modelId,
      n: s.integer(2, EXPLORE_LIMITS.gridSize),
      low: s.number({ min: 0.001, max: 0.49 }),
      high: s.number({ min: 0.51, max: 0.999 }),
      axes: s.enum(['dims', 'pca'] as const),
      dims: s.optional(s.array(dim, 2)),
      /** The code the sweep moves around (the current drawing's); zeros (or the data mean for PCA) otherwise. */
      base: s.optional(latent),
      label: s.optional(label),
    }),
    s.trusted<ExploreGrid>(),
  ),
  /** The model's validation set, encoded and projected to 2-d (cached per model and projection). */
  'explore:scatter': channel(
    'engine',
    s.object({
      modelId,
      projection: s.enum(PROJECTIONS),
      maxPoints: s.optional(s.integer(10, EXPLORE_LIMITS.scatterPoints)),
    }),
    s.trusted<ExploreScatter>(),
  ),
  /** Where codes land on the scatter of the same model and projection (e.g. the current drawing's). */
  'explore:project': channel(
    'engine',
    s.object({ modelId, projection: s.enum(PROJECTIONS), codes: s.float32Array(EXPLORE_LIMITS.latentSize * 64) }),
    s.trusted<{ points: Float32Array }>(),
  ),
  /** One item of the explored set: its image, strokes when it has them, and its code. */
  'explore:item': channel(
    'engine',
    s.object({ modelId, index: s.integer(0, EXPLORE_LIMITS.scatterPoints - 1) }),
    s.trusted<ExploreItem>(),
  ),
  'explore:interpolate': channel(
    'engine',
    s.object({
      modelId,
      from: latent,
      to: latent,
      steps: s.integer(2, EXPLORE_LIMITS.interpolationSteps),
      mode: s.enum(INTERPOLATION_MODES),
      label: s.optional(label),
    }),
    s.trusted<ImageBlock>(),
  ),
  /** Seeded samples from the prior (from the class prior when a class is given). */
  'explore:samples': channel(
    'engine',
    s.object({ modelId, count: s.integer(1, EXPLORE_LIMITS.samples), seed, label: s.optional(label) }),
    s.trusted<ImageBlock>(),
  ),
  /** Conditional models: the Cookbook's style × class grid (one z per row, one class per column). */
  'explore:class-grid': channel(
    'engine',
    s.object({ modelId, styles: s.integer(1, EXPLORE_LIMITS.styles), seed }),
    s.trusted<ExploreClassGrid>(),
  ),
  /** Conditional models: the same codes decoded under a weighted mix of classes. */
  'explore:blend': channel(
    'engine',
    s.object({
      modelId,
      weights: s.array(s.number({ min: 0, max: 1 }), EXPLORE_LIMITS.classes),
      count: s.integer(1, EXPLORE_LIMITS.blendCount),
      seed,
      /** Decode this code (first image) instead of a seeded sample. */
      code: s.optional(latent),
    }),
    s.trusted<ImageBlock>(),
  ),
  /** The k items of the explored set whose codes are nearest to `code`. */
  'explore:neighbours': channel(
    'engine',
    s.object({ modelId, code: latent, k: s.integer(1, EXPLORE_LIMITS.neighbours) }),
    s.trusted<ExploreNeighbours>(),
  ),
  /** The code of an image (e.g. the current drawing's raster) for a conditional or plain model. */
  'explore:encode': channel(
    'engine',
    s.object({ modelId, image: s.float32Array(64 * 64), label: s.optional(label) }),
    s.trusted<{ code: Float32Array }>(),
  ),
} as const;

export const exploreEvents = {} as const;

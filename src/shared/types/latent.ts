import type { ModelSummary } from './app';
import type { BackendName } from './backend';

/** What the model picker shows. */
export interface ModelList {
  models: ModelSummary[];
  /** The engine backend that runs every model. */
  backend: BackendName;
}

/** One drawing through the model: what it sees, its code, and what comes back. */
export interface Reconstruction {
  /** imageSize² values in [0, 1]: the rasterized canvas, exactly as the encoder sees it. */
  input: Float32Array;
  size: number;
  /** The code μ (or the autoencoder's code). */
  z: Float32Array;
  /** imageSize² values in [0, 1]. */
  output: Float32Array;
}

export interface DecodedImage {
  output: Float32Array;
  size: number;
}

/**
 * Axes for sliders and the latent map. `dims`: one axis per latent dimension (small latents);
 * `pca`: principal directions of the codes of the model's own data (large latents).
 */
export interface LatentSpace {
  axes: 'dims' | 'pca';
  latentSize: number;
  /** Origin of the coordinates (zeros for `dims`). */
  mean: Float32Array;
  /** Unit vectors, one per slider (at most 16). */
  directions: Float32Array[];
  /** Standard deviation of the codes along each direction. */
  spread: number[];
  /** Share of the variance along each direction (`pca`), or per dimension (`dims`). */
  varianceRatio: number[];
  /** Coordinates of sample codes along the first two directions: count × 2. */
  points: Float32Array;
  labels: Int32Array;
  classNames: string[];
  /** Where the codes came from: the model's dataset, or prior samples when it is absent. */
  source: 'dataset' | 'prior';
  /** Bounds of the 2-D map: [xmin, xmax, ymin, ymax] in direction coordinates. */
  bounds: [number, number, number, number];
  /** Decoded images on an n×n grid over the bounds (2-d latents): row 0 is the top (max y). */
  grid?: { n: number; size: number; images: Float32Array };
}

export interface Concept {
  id: string;
  name: string;
  modelId: string;
  /** In words, e.g. "7 − 1". */
  description: string;
  vector: Float32Array;
  countA: number;
  countB: number;
  createdAt: string;
}

export interface SampleItem {
  /** Index into the model's sample set (stable while the model's data is unchanged). */
  index: number;
  label: number;
  category: string;
  /** imageSize² values in [0, 1]. */
  pixels: Float32Array;
}

export interface SampleGallery {
  items: SampleItem[];
  classNames: string[];
  size: number;
  /** How many items the sample set holds (for paging). */
  total: number;
}

export interface ArithmeticResult {
  /** The decoded A, B, C and A − B + C, each imageSize². */
  images: Float32Array[];
  size: number;
}

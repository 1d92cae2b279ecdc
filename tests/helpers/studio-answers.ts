import type { DatasetInfo, ImportProgressEvent } from '../../src/shared/contract/datasets';
import type { SavedDrawingInfo } from '../../src/shared/contract/drawings';
import type { ExploreGrid, ExploreItem, ImageBlock } from '../../src/shared/contract/explore';
import type { TrainingCapabilities, TrainingRunInfo, TrainingSource } from '../../src/shared/contract/training';
import type { AppInfo, EngineStatus, ModelSummary } from '../../src/shared/types/app';
import type { Concept, LatentSpace, Reconstruction } from '../../src/shared/types/latent';

/**
 * Whole answers for the fake studio API (tests/helpers/studio-api.ts), so a state-class test
 * names only the fields it is about and the rest still has the contract's shape.
 */

export const modelSummary = (id: string, kind = 'mlp-vae'): ModelSummary => ({
  id,
  name: id,
  kind,
  recipe: 'quickdraw28',
  imageSize: 28,
  latentSize: 2,
  classNames: [],
  dataset: 'test',
  origin: 'user',
});

/** The reconstruction of a 1×1 drawing whose code is `z`. */
export const reconstruction = (...z: number[]): Reconstruction => ({
  input: new Float32Array(1),
  size: 1,
  z: Float32Array.from(z),
  output: new Float32Array(1),
});

/** A 2-d latent whose sliders are its two dimensions: a code's slider positions are the code. */
export const latentSpace = (): LatentSpace => ({
  axes: 'dims',
  latentSize: 2,
  mean: new Float32Array(2),
  directions: [Float32Array.of(1, 0), Float32Array.of(0, 1)],
  spread: [1, 1],
  varianceRatio: [0.5, 0.5],
  points: new Float32Array(),
  labels: new Int32Array(),
  classNames: [],
  source: 'prior',
  bounds: [-3, 3, -3, 3],
});

export const appInfo = (engine: EngineStatus): AppInfo => ({
  name: 'LatentDraw',
  version: '0.0.0',
  host: 'browser',
  versions: {},
  engine,
});

export const datasetInfo = (id: string, name: string): DatasetInfo => ({
  id,
  name,
  createdAt: '2024-01-01T00:00:00.000Z',
  count: 0,
  strokeCount: 0,
  categories: [],
  categoryCounts: [],
  sources: [],
});

export const importProgress = (name: string, added: number, fraction?: number): ImportProgressEvent => ({
  jobId: 'job-1',
  name,
  fileIndex: 0,
  fileCount: 1,
  read: added,
  added,
  fraction,
});

export const concept = (id: string): Concept => ({
  id,
  name: id,
  modelId: 'user:m',
  description: '7 − 1',
  vector: new Float32Array(2),
  countA: 1,
  countB: 1,
  createdAt: '2024-01-01T00:00:00.000Z',
});

export const savedDrawingInfo = (name: string, strokes = 1, word = ''): SavedDrawingInfo => ({
  name,
  savedAt: '2024-01-01T00:00:00.000Z',
  strokes,
  word,
});

/** `count` blank 1×1 images decoded from `latents` (zeros of `latentSize` each when not given). */
export const imageBlock = (
  count: number,
  latentSize = 2,
  latents = new Float32Array(count * latentSize),
): ImageBlock => ({
  count,
  imageSize: 1,
  images: new Float32Array(count),
  latents,
  latentSize,
});

export const exploreGrid = (n: number): ExploreGrid => ({ ...imageBlock(n * n), n, axisLabels: ['z0', 'z1'] });

export const exploreItem = (index: number, code: Float32Array): ExploreItem => ({
  index,
  label: 0,
  className: '',
  imageSize: 1,
  image: new Float32Array(1),
  strokes: null,
  code,
});

export const trainingSource = (id: string, name: string): TrainingSource => ({
  id,
  name,
  categories: [],
  origin: 'dataset',
});

export const trainingCapabilities = (): TrainingCapabilities => ({ backend: 'cpu', convTrainable: true, backends: [] });

export const trainingRun = (runId: string): TrainingRunInfo => ({
  runId,
  modelName: 'm',
  kind: 'mlp-vae',
  source: 's',
  startedAt: '',
});

import { existsSync } from 'node:fs';
import { loadTrainingData } from '../data/index';
import { bytesToUnit } from '../data/raster/pixel-bytes';
import type { DatasetStore } from '../data/store/dataset-store';
import type { LoadedModel } from '../models/index';

/** How many items of a model's data the studio keeps for PCA, the map, the gallery and concepts. */
export const SAMPLE_LIMIT = 1_000;

export const SAMPLE_ERRORS = {
  noDataset:
    "this model's dataset is not on this computer: import it in the Data tab (or pick drawings for the concept instead)",
} as const;

/** Images of a model's own dataset, rasterized with the model's recipe. */
export interface ModelSamples {
  count: number;
  imageSize: number;
  images: Float32Array;
  labels: Int32Array;
  classNames: string[];
}

/**
 * Finds a model's dataset (a file path, or a dataset id in the data home's store) and loads
 * its first items. Undefined when the data is not here (e.g. a shipped model's MNIST).
 */
export async function loadModelSamples(loaded: LoadedModel, store: DatasetStore): Promise<ModelSamples | undefined> {
  const source = loaded.metadata.dataset?.source;
  if (!source) return undefined;
  const here = existsSync(source) || (/^ds-[a-z0-9-]+$/.test(source) && (await store.has(source)));
  if (!here) return undefined;
  const data = await loadTrainingData(source, loaded.metadata.recipe, { limit: SAMPLE_LIMIT, store });
  if (data.imageSize !== loaded.metadata.imageSize) return undefined;
  const classNames = loaded.metadata.classNames.length ? loaded.metadata.classNames : data.classNames;
  const images = bytesToUnit(data.images);
  return { count: data.count, imageSize: data.imageSize, images, labels: data.labels, classNames };
}

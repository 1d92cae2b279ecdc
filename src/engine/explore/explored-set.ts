import { basename } from 'node:path';
import { DatasetStore } from '../data/store/dataset-store';
import { loadTrainingData } from '../data/training-data';
import type { LoadedModel } from '../models/store/store';
import { encodeImages } from '../latent/codes';
import { EXPLORE_ERRORS } from './errors';
import { bytesToUnit } from '../data/raster/pixel-bytes';
import { pickRows } from './thumbnails';

/** Most drawings one explored set holds: enough for a scatter, few enough for UMAP in seconds. */
export const EXPLORED_SET_SIZE = 2000;
/** Below this many validation drawings the whole dataset is explored instead (tiny sketch sets). */
const MIN_VALIDATION = 200;

/** The drawings a model is explored on: part of its own dataset, encoded once. */
export interface ExploredSet {
  source: string;
  sourceLabel: string;
  count: number;
  imageSize: number;
  latentSize: number;
  /** Each item's index in its source, to find its strokes. */
  sourceIndex: Int32Array;
  labels: Int32Array;
  classNames: string[];
  images: Float32Array;
  thumbnails: Uint8Array;
  /** count × latentSize: the mean codes μ. */
  codes: Float32Array;
}

/** Loads the model's dataset (its validation split when big enough) and encodes it. */
export async function buildExploredSet(loaded: LoadedModel, store: DatasetStore): Promise<ExploredSet> {
  const { model, metadata } = loaded;
  const source = metadata.dataset?.source;
  if (!source) throw new Error(EXPLORE_ERRORS.noDataset);
  const data = await loadTrainingData(source, metadata.recipe, { limit: metadata.dataset?.count, store }).catch(
    (error: unknown) => {
      throw new Error(EXPLORE_ERRORS.datasetMissing(displayName(source)), { cause: error });
    },
  );
  const useValidation = data.validationIndex.length >= MIN_VALIDATION;
  const pool = useValidation ? data.validationIndex : Int32Array.from({ length: data.count }, (_, i) => i);
  const sourceIndex = pool.slice(0, EXPLORED_SET_SIZE);
  const count = sourceIndex.length;
  if (count === 0) throw new Error(EXPLORE_ERRORS.emptySet);
  const px = data.imageSize ** 2;
  const thumbnails = pickRows(data.images, px, sourceIndex, (n) => new Uint8Array(n));
  const images = bytesToUnit(thumbnails);
  const labels = Int32Array.from(sourceIndex, (i) => data.labels[i]);
  const conditional = model.conditionalInputs;
  const codes = await encodeImages(model, images, count, conditional ? { labels } : {});
  const classNames = metadata.classNames.length ? metadata.classNames : data.classNames;
  return {
    source,
    sourceLabel: `${count} ${useValidation ? 'validation drawings' : 'drawings (all)'} of ${displayName(source)}`,
    count,
    imageSize: data.imageSize,
    latentSize: model.config.latentSize,
    sourceIndex,
    labels,
    classNames,
    images,
    thumbnails,
    codes,
  };
}

function displayName(source: string): string {
  return source.includes('/') || source.includes('\\') ? basename(source) : source;
}

export { DatasetStore };

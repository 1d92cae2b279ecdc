/** The data layer's public surface: the engine host, the CLI and tests import from here. */
export type { DataProblem, DataRecord, DrawingRecord, FormatName, ImageRecord, LabelRecord } from './drawing.types';
export type { Stroke } from '../../shared/types/drawing';
export { AbortedError, DataErrors, DataFileError } from './errors';
export { detectFormat, openDataFile, type OpenedDataFile, type OpenOptions } from './formats/open';
export {
  encodeIdxImages,
  encodeIdxLabels,
  encodeNdjsonLine,
  encodeNpy,
  encodeQuickDrawBinRecord,
  type DrawingFields,
} from './formats/encode';
export { MAX_PROBLEMS_KEPT, problemCount } from './formats/parse-context';
export { inspectFile, type FileSummary } from './inspect';
export { categoryFromFileName, siblingLabelsPath } from './labels';
export { bitmapToUnit } from './raster/bitmap';
export { normalizeCanvasStrokes, RDP_EPSILON } from './raster/normalize';
export { createRasterizer, rasterize, RECIPES, type Rasterizer } from './raster/rasterize';
export { splitIndexes } from './split';
export { DatasetStore } from './store/dataset-store';
export { importFiles } from './store/import';
export type {
  DatasetManifest,
  DatasetPreviewItem,
  FileImportResult,
  ImportOptions,
  ImportProgress,
  ImportResult,
} from './store/manifest.types';
export { loadTrainingData, type LoadTrainingDataOptions } from './training-data';
export { RECIPE_SIZE, type RasterRecipe, type TrainingData } from './training-data.types';

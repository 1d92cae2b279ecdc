export { buildModel, defaultConfig, MODEL_ERRORS } from './build';
export { FORWARD_ERRORS, lossTerms, priorMean, runDecoder, runEncoder, type Batch, type LossTerms } from './forward';
export { bceSum, klDiagonal, klFull, sampleDiagonal, sampleFull, scaleTril } from './gaussian';
export { STORE_ERRORS } from './store/errors';
export {
  configOf,
  METADATA_FILE,
  metadataFor,
  MODEL_FORMAT_VERSION,
  type ModelMetadata,
  type ModelMetrics,
} from './store/metadata';
export { loadModel, readMetadata, saveModel, type LoadedModel } from './store/store';
export { checkModelTarget } from './store/save-target';
export { MODEL_KINDS, type LatentModel, type ModelConfig, type ModelKind, type PosteriorKind } from './types';

export { decodeLatents, encodeImages, LATENT_ERRORS, rows, type Conditioning } from './codes';
export { blendClasses, sampleClass } from './conditional';
export { decodeGrid, GRID_ERRORS, gridLatents, tileGrid, type GridOptions, type LatentGrid } from './grid';
export { interpolate, lerp, slerp, type InterpolationMode } from './interpolate';
export { nearestNeighbours, NEIGHBOUR_ERRORS, type Metric, type Neighbour } from './neighbours';
export { pca, PCA_ERRORS, project, type PcaResult } from './pca';
export { normalQuantile, quantileSteps } from './quantile';
export { classPriorMeans, samplePrior, standardNormal } from './sample';
export { applyConcept, conceptVector, meanCode, VECTOR_ERRORS } from './vectors';

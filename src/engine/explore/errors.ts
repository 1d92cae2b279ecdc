/** Messages of the Explore tab's engine side; tests assert on them. */
export const EXPLORE_ERRORS = {
  noDataset: 'this model does not name the dataset it was trained on, so there is nothing to scatter',
  datasetMissing: (source: string) =>
    `the dataset this model was trained on is not available (${source}): import it again in the Data tab`,
  emptySet: 'the model’s dataset has no drawings to explore',
  notConditional: 'class grids and blending need a conditional model (cvae or cvae-prior)',
  badIndex: 'no such item in the explored set',
  badCode: (k: number) => `a code must have ${k} values for this model`,
  badDims: (k: number) => `grid dimensions must be two different indexes below ${k}`,
  badWeights: (c: number) => `blend weights must be ${c} numbers, not all 0`,
  badImage: (size: number) => `the image must be ${size}×${size} values`,
  umapTooFew: 'UMAP needs at least 3 drawings',
} as const;

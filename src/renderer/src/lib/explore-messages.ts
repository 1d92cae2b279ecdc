/** Messages of the Explore tab (a plain module: e2e tests import and assert on them). */
export const EXPLORE_MESSAGES = {
  noModel: 'Pick or train a model: the latent grid, scatter, interpolation and samples appear here.',
  noModels: 'No models yet: train one in the Train tab (import data first in the Data tab), then pick it.',
  engineStarting: 'Waiting for the engine…',
  needDrawing: 'Draw something (or pick a drawing on the scatter) first: this uses the current drawing’s code.',
  conditionalOnly: 'Class grids and blending need a conditional model (cvae or cvae-prior).',
  allZero: 'Give at least one class a weight above 0.',
} as const;

/** Messages the UI shows; tests assert on them. */
export const UI_MESSAGES = {
  noModels: 'No models yet. Train one in the Train tab (or import data first in the Data tab).',
  pickModel: 'Pick a model in the header to see reconstructions.',
  drawToStart: 'Draw on the canvas: the model’s reconstruction appears here after every stroke.',
  noConcepts: 'No concept vectors for this model yet: define one below from two sets of drawings.',
  needTwoSets: 'Pick at least one drawing for set A and one for set B.',
  nameConcept: 'Give the concept a name.',
} as const;

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

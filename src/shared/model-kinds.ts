/** Kinds that draw a chosen class: the label goes into the model (cvae) or picks its prior (cvae-prior). */
export function isConditionalKind(kind: string | undefined): boolean {
  return kind === 'cvae' || kind === 'cvae-prior';
}

/** One pen stroke as plain arrays (structured-clone safe): x and y in canvas or file units, t in milliseconds if known. */
export interface Stroke {
  x: number[];
  y: number[];
  t?: number[];
}

export type Drawing = Stroke[];

export type Metric = 'euclidean' | 'cosine';

export interface Neighbour {
  index: number;
  /** Euclidean distance, or cosine distance (1 − cosine similarity). */
  distance: number;
}

export const NEIGHBOUR_ERRORS = {
  badShape: 'codes must be count × dim values with dim = query length',
} as const;

/** The k codes nearest to `query` among count×dim `codes`, nearest first. */
export function nearestNeighbours(
  query: Float32Array,
  codes: Float32Array,
  count: number,
  k: number,
  metric: Metric = 'euclidean',
): Neighbour[] {
  const dim = query.length;
  if (codes.length !== count * dim) throw new Error(NEIGHBOUR_ERRORS.badShape);
  let qn = 0;
  for (let d = 0; d < dim; d += 1) qn += query[d] * query[d];
  qn = Math.sqrt(qn);
  const all: Neighbour[] = new Array(count);
  for (let i = 0; i < count; i += 1) {
    let dot = 0;
    let sq = 0;
    let cn = 0;
    for (let d = 0; d < dim; d += 1) {
      const c = codes[i * dim + d];
      dot += query[d] * c;
      sq += (query[d] - c) ** 2;
      cn += c * c;
    }
    const distance = metric === 'cosine' ? 1 - dot / Math.max(qn * Math.sqrt(cn), 1e-12) : Math.sqrt(sq);
    all[i] = { index: i, distance };
  }
  all.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return all.slice(0, Math.max(0, k));
}

import { TRAINING_DEFAULTS } from '../../shared/contract/training-settings';

/** mulberry32: tiny, fast and identical on every platform, so a seed means the same split everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A split made without a run (a dataset's import) is the one a run with the default settings makes.
export const DEFAULT_VALIDATION_SHARE = TRAINING_DEFAULTS.validationShare;
export const DEFAULT_SPLIT_SEED = TRAINING_DEFAULTS.seed;

/** Shuffles 0..count-1 with the seed; the first share (rounded) is validation, sorted. */
export function splitIndexes(
  count: number,
  validationShare = DEFAULT_VALIDATION_SHARE,
  seed = DEFAULT_SPLIT_SEED,
): { trainIndex: Int32Array; validationIndex: Int32Array } {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  const random = seededRandom(seed);
  for (let i = count - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const share = Math.min(Math.max(validationShare, 0), 1);
  const nValidation = Math.round(count * share);
  const validationIndex = order.slice(0, nValidation).sort();
  const trainIndex = order.slice(nValidation).sort();
  return { trainIndex, validationIndex };
}

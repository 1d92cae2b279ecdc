import { seededRandom } from '../../data/split';

/** The same generator as the data split's, so one seed means the same stream everywhere. */
export const mulberry32 = seededRandom;

/** Fisher–Yates on a copy. */
export function shuffled(indexes: Int32Array, seed: number): Int32Array {
  const out = Int32Array.from(indexes);
  const rand = mulberry32(seed);
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(rand() * (i + 1));
    const t = out[i];
    out[i] = out[j];
    out[j] = t;
  }
  return out;
}

/** Distinct, reproducible seeds for each (purpose, epoch, step) without a shared generator. */
export function derivedSeed(seed: number, purpose: number, counter: number): number {
  return ((seed * 1_000_003 + purpose * 7_919 + counter * 104_729) >>> 0) % 2_147_483_647;
}

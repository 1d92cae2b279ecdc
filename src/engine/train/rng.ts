/** mulberry32: tiny, fast, good enough to shuffle reproducibly. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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

/**
 * The most memory one training run or one picture may plan to take, checked before anything
 * is allocated. Every shipped model and every kind's defaults plan under a fifth of it; an 8 GB
 * laptop keeps room for the studio, the browser and the rest of the system.
 */
export const MEMORY_BUDGET_BYTES = 1.5e9;

const gigabytes = (bytes: number) => `${(bytes / 1e9).toFixed(1)} GB`;

export const MEMORY_ERRORS = {
  tooBig: (what: string, bytes: number, advice: string) =>
    `${what} would need about ${gigabytes(bytes)}; the limit is ${gigabytes(MEMORY_BUDGET_BYTES)}: ${advice}`,
} as const;

/** Throws MEMORY_ERRORS.tooBig when `bytes` is over the budget. */
export function checkMemory(what: string, bytes: number, advice: string): void {
  if (!(bytes <= MEMORY_BUDGET_BYTES)) throw new Error(MEMORY_ERRORS.tooBig(what, bytes, advice));
}

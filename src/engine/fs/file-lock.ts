import { resolve } from 'node:path';

/** Per absolute path, the promise that settles when the last queued holder is done. */
const tails = new Map<string, Promise<void>>();

/**
 * Runs `work` once every earlier holder of `path` in this process is done, in call order, so
 * a read-modify-write of a stored file never interleaves with another: two renames of one
 * dataset at once are applied one after the other, and neither is lost. Keyed by the absolute
 * path, so two spellings of one file share the lock. Not reentrant: `work` must not take the
 * same path again.
 */
export async function withFileLock<T>(path: string, work: () => Promise<T>): Promise<T> {
  const key = resolve(path);
  const before = tails.get(key) ?? Promise.resolve();
  let release!: () => void;
  const done = new Promise<void>((settle) => (release = settle));
  // Chained on `before` so the next holder waits for us even while we still wait our turn.
  const tail = before.then(() => done);
  tails.set(key, tail);
  await before;
  try {
    return await work();
  } finally {
    release();
    if (tails.get(key) === tail) tails.delete(key);
  }
}

import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/**
 * Writes a file and fsyncs it, so a rename that follows never exposes a half-written file.
 * `flag` 'wx' refuses a file that is already there (EEXIST) instead of writing into it.
 */
export async function writeDurable(path: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): Promise<void> {
  const handle = await open(path, flag);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** fsync of a folder makes a rename inside it durable; not every platform allows it. */
export async function syncFolder(path: string): Promise<void> {
  try {
    const handle = await open(path, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open folders for sync; the rename is still atomic there.
  }
}

/**
 * The temp file writeAtomic uses beside `path`, `PATH.tmp-PID-STAMP`: recovery recognises these
 * by name and reads the writer's PID and (roughly) when it wrote from them.
 */
export const ATOMIC_TEMP_PATTERN = /\.tmp-(\d+)-(\d+)$/;

let lastStamp = 0;

/**
 * The current time in ms, but never a value this process handed out before: two writes in one
 * millisecond get temp files of their own instead of writing into one.
 */
function uniqueStamp(): number {
  lastStamp = Math.max(Date.now(), lastStamp + 1);
  return lastStamp;
}

/** Creates a temp file beside `path` that no other writer has, with `data` in it, fsynced. */
async function writeFreshTemp(path: string, data: string | Uint8Array): Promise<string> {
  for (;;) {
    const temp = `${path}.tmp-${process.pid}-${uniqueStamp()}`;
    try {
      // Exclusive: a worker thread of this process (same PID, its own stamps) or a dead
      // process whose PID we now have may own that name; then the next stamp is tried.
      await writeDurable(temp, data, 'wx');
      return temp;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      await rm(temp, { force: true });
      throw error;
    }
  }
}

/**
 * Writes a file atomically: temp file beside it, fsync, rename over. Each write has its own
 * temp file, so writes at once each leave a whole file (the last rename wins); a
 * read-modify-write needs withFileLock (file-lock.ts) as well, or one change is lost.
 */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = await writeFreshTemp(path, data);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

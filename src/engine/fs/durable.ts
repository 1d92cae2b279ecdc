import { open, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';

/** Writes a file and fsyncs it, so a rename that follows never exposes a half-written file. */
export async function writeDurable(path: string, data: string | Uint8Array): Promise<void> {
  const handle = await open(path, 'w');
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

/** The temp file writeAtomic uses beside `path`: recovery recognises these by name. */
export const ATOMIC_TEMP_PATTERN = /\.tmp-(\d+)-(\d+)$/;

/** Writes a file atomically: temp file beside it, fsync, rename over. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const temp = `${path}.tmp-${process.pid}-${Date.now()}`;
  try {
    await writeDurable(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await syncFolder(dirname(path));
}

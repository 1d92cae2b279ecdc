import { lstat, readdir, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Removes a folder tree entry by entry (links are removed, never followed). Same result as
 * rm -r; done by hand so that a crash part-way leaves a half folder whose name still says
 * what it was, and so the kill tests can stop it between any two entries.
 */
export async function removeFolder(path: string): Promise<void> {
  let info;
  try {
    info = await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (!info.isDirectory()) {
    await unlink(path);
    return;
  }
  for (const name of await readdir(path)) await removeFolder(join(path, name));
  await rmdir(path);
}

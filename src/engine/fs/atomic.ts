import { open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

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

/**
 * Puts a finished temp folder in place of `target`. A folder cannot be renamed over a non-empty
 * one, so the old one is moved aside first and removed after; a crash in between leaves
 * either the old or the new folder complete (plus a stray `.old-*` folder).
 */
export async function replaceFolder(temp: string, target: string): Promise<void> {
  const aside = `${target}.old-${process.pid}-${Date.now()}`;
  let movedAside = false;
  try {
    await rename(target, aside);
    movedAside = true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  try {
    await rename(temp, target);
  } catch (error) {
    if (movedAside) await rename(aside, target);
    throw error;
  }
  await syncFolder(dirname(target));
  if (movedAside) await rm(aside, { recursive: true, force: true });
}

/**
 * Finishes what a crash inside `replaceFolder` interrupted: where `NAME.old-*` exists but NAME
 * does not, the old folder is put back. Run before listing a folder of replaceable folders.
 */
export async function recoverReplacedFolders(root: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(root);
  } catch {
    return;
  }
  const present = new Set(names);
  for (const name of names) {
    const match = /^(.+)\.old-\d+-\d+$/.exec(name);
    if (!match) continue;
    if (present.has(match[1])) {
      await rm(join(root, name), { recursive: true, force: true });
    } else {
      await rename(join(root, name), join(root, match[1]));
      present.add(match[1]);
    }
  }
}

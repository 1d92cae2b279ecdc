import { constants } from 'node:fs';
import { lstat, open, realpath } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { STORE_ERRORS, storeError } from './errors';

// O_NOFOLLOW refuses a link as the last component; O_NONBLOCK keeps a FIFO from blocking the
// open itself (fstat then refuses it). Windows has neither flag and no FIFOs to fear.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/** True when a manifest's file name stays inside the folder on every platform. */
export function isPlainRelativePath(name: string): boolean {
  if (name.length === 0 || name.length > 255 || name.includes('\0')) return false;
  if (isAbsolute(name) || /^[A-Za-z]:/.test(name) || name.startsWith('\\')) return false;
  return name.split(/[\\/]/).every((part) => part !== '' && part !== '.' && part !== '..');
}

function inside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export interface InsideFile {
  path: string;
  size: number;
  read(): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Opens `name` in `folder` only when it is a regular file that is really inside `root` (the
 * model folder; `folder` is one of its parts): no `..` or absolute path, no link at the end,
 * no folder on the way that leads out, no FIFO, device or folder. Its size is known before a
 * byte is read, so callers can refuse a file that is too big.
 */
export async function openInside(folder: string, name: string, within = folder): Promise<InsideFile> {
  const path = join(folder, name);
  // Named as the manifest wrote it (join would resolve the ..), beside the folder it is in.
  if (!isPlainRelativePath(name)) throw storeError(STORE_ERRORS.outsideFolder, `${folder}${sep}${name}`);
  let root: string;
  let parent: string;
  try {
    root = await realpath(within);
    parent = await realpath(dirname(path));
  } catch (error) {
    throw storeError(STORE_ERRORS.missingFile, path, error);
  }
  if (!inside(root, parent)) throw storeError(STORE_ERRORS.outsideFolder, path);
  try {
    if (!(await lstat(path)).isFile()) throw storeError(STORE_ERRORS.notRegularFile, path);
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(STORE_ERRORS.notRegularFile)) throw error;
    throw storeError(STORE_ERRORS.missingFile, path, error);
  }
  let handle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (error) {
    // ELOOP: the file was swapped for a link after the lstat.
    throw storeError(STORE_ERRORS.notRegularFile, path, error);
  }
  const info = await handle.stat();
  if (!info.isFile()) {
    await handle.close();
    throw storeError(STORE_ERRORS.notRegularFile, path);
  }
  const size = info.size;
  const file = handle;
  return {
    path,
    size,
    async read() {
      // Exactly the size fstat gave: a file that grows meanwhile cannot make us read more.
      const bytes = Buffer.alloc(size);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await file.read(bytes, done, size - done, done);
        if (bytesRead === 0) throw storeError(STORE_ERRORS.weightsSize, path);
        done += bytesRead;
      }
      return bytes;
    },
    close: () => file.close(),
  };
}

/** Reads a whole small file inside the folder, refusing one larger than `maxBytes` unread. */
export async function readInside(folder: string, name: string, maxBytes: number, within = folder): Promise<Buffer> {
  const file = await openInside(folder, name, within);
  try {
    if (file.size > maxBytes) throw storeError(STORE_ERRORS.fileTooLarge, file.path);
    return await file.read();
  } finally {
    await file.close();
  }
}

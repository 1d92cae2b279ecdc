import { accessSync, constants, statSync } from 'node:fs';
import { dirname } from 'node:path';

export interface MkdirFailure {
  /** EROFS, EACCES or EPERM (the folder cannot be written), or ENOTDIR (a file is in the way). */
  code: string;
  /** The nearest folder that exists on the way to the one asked for, or the file in the way. */
  path: string;
}

/**
 * Why a folder could not be made. Node's recursive mkdir, on any failure, lstat()s the folder
 * it tried and reports that error, so a read-only disk or a parent that is a file reads as
 * ENOENT or names the wrong path. The nearest ancestor that exists tells the real cause.
 * Synchronous: it runs on the error path only, a few stat calls at most.
 */
export function mkdirFailure(path: string): MkdirFailure | undefined {
  for (let ancestor = dirname(path); ; ancestor = dirname(ancestor)) {
    let isFolder: boolean;
    try {
      isFolder = statSync(ancestor).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') continue;
      if (code === 'ENOENT' && dirname(ancestor) !== ancestor) continue;
      return undefined;
    }
    if (!isFolder) return { code: 'ENOTDIR', path: ancestor };
    try {
      // Root passes permission bits, but access() still reports a read-only mount as EROFS.
      accessSync(ancestor, constants.W_OK);
      return undefined;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return typeof code === 'string' ? { code, path: ancestor } : undefined;
    }
  }
}

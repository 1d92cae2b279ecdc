import { mkdirFailure } from './fs/mkdir-failure';

/**
 * A full disk or a read-only data folder must read as what it is, not as "ENOSPC: write" or
 * "ENOENT: mkdir". The engine and the CLI run every failure through this before they report it.
 */
export const FS_ERRORS = {
  diskFull: (path: string) =>
    `There is no space left on the disk that holds LatentDraw's data (${path}). Nothing already saved was changed: free some space and try again.`,
  readOnly: (path: string) =>
    `LatentDraw cannot write to its data folder (${path}): it is read-only. Nothing already saved was changed.`,
  noPermission: (path: string) =>
    `LatentDraw cannot write to its data folder (${path}): permission denied. Nothing already saved was changed.`,
  notAFolder: (path: string) =>
    `LatentDraw cannot write to its data folder: ${path} is a file, not a folder. Nothing already saved was changed.`,
} as const;

const EXPLAINED: Record<string, { message: (path: string) => string; code: string }> = {
  ENOSPC: { message: FS_ERRORS.diskFull, code: 'disk-full' },
  EDQUOT: { message: FS_ERRORS.diskFull, code: 'disk-full' },
  EROFS: { message: FS_ERRORS.readOnly, code: 'read-only' },
  EACCES: { message: FS_ERRORS.noPermission, code: 'read-only' },
  EPERM: { message: FS_ERRORS.noPermission, code: 'read-only' },
  ENOTDIR: { message: FS_ERRORS.notAFolder, code: 'not-a-folder' },
};

interface ErrnoLike {
  code?: unknown;
  path?: unknown;
  syscall?: unknown;
  cause?: unknown;
}

/** The errno that explains a failure: itself, or for a folder that could not be made, the real cause. */
function explainable(e: ErrnoLike): { code: string; path: string } | undefined {
  if (typeof e.code !== 'string') return undefined;
  const path = typeof e.path === 'string' ? e.path : undefined;
  if (e.syscall === 'mkdir' && path && (e.code === 'ENOENT' || e.code === 'ENOTDIR')) return mkdirFailure(path);
  // ENOTDIR elsewhere is a path the person gave, not the data folder.
  if (e.code === 'ENOTDIR' || !(e.code in EXPLAINED)) return undefined;
  return { code: e.code, path: path ?? 'the data folder' };
}

function findErrno(error: unknown): { code: string; path: string } | undefined {
  for (let e = error as ErrnoLike | undefined, depth = 0; e && depth < 8; e = e.cause as ErrnoLike, depth++) {
    const found = explainable(e);
    if (found) return found;
  }
  return undefined;
}

/** Replaces a disk-full or read-only error with one a person understands; others pass unchanged. */
export function explainFsError(error: unknown): unknown {
  const errno = findErrno(error);
  const explained = errno && EXPLAINED[errno.code];
  if (!errno || !explained) return error;
  return Object.assign(new Error(explained.message(errno.path), { cause: error }), { code: explained.code });
}

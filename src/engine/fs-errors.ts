/**
 * A full disk or a read-only data folder must read as what it is, not as "ENOSPC: write".
 * The engine runs every failed request through this before it answers.
 */
export const FS_ERRORS = {
  diskFull: (path: string) =>
    `There is no space left on the disk that holds LatentDraw's data (${path}). Nothing already saved was changed: free some space and try again.`,
  readOnly: (path: string) =>
    `LatentDraw cannot write to its data folder (${path}): it is read-only. Nothing already saved was changed.`,
} as const;

interface ErrnoLike {
  code?: unknown;
  path?: unknown;
  cause?: unknown;
}

function findErrno(error: unknown): { code: string; path: string } | undefined {
  for (let e = error as ErrnoLike | undefined, depth = 0; e && depth < 8; e = e.cause as ErrnoLike, depth++) {
    if (typeof e.code === 'string' && ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM'].includes(e.code)) {
      return { code: e.code, path: typeof e.path === 'string' ? e.path : 'the data folder' };
    }
  }
  return undefined;
}

/** Replaces a disk-full or read-only error with one a person understands; others pass unchanged. */
export function explainFsError(error: unknown): unknown {
  const errno = findErrno(error);
  if (!errno) return error;
  const message =
    errno.code === 'ENOSPC' || errno.code === 'EDQUOT'
      ? FS_ERRORS.diskFull(errno.path)
      : FS_ERRORS.readOnly(errno.path);
  return Object.assign(new Error(message, { cause: error }), {
    code: errno.code === 'ENOSPC' ? 'disk-full' : 'read-only',
  });
}

import type { App } from 'electron';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

/** Names the folder that replaces the person's profile (settings, datasets, models, the
 * single-instance lock): the Electron e2e test runs in a temporary one beside an open studio. */
export const USER_DATA_ENV = 'LATENTDRAW_USER_DATA';

export const USER_DATA_ERRORS = {
  unusable: (folder: string, why: string) =>
    `LatentDraw cannot use the profile folder ${folder} (named by ${USER_DATA_ENV}): ${why}`,
} as const;

/** The folder LATENTDRAW_USER_DATA names, made absolute (app.setPath needs that), or undefined. */
export function userDataOverride(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): string | undefined {
  const folder = env[USER_DATA_ENV]?.trim();
  return folder ? resolve(cwd, folder) : undefined;
}

/** Why a folder could not be made or used, in words, from Node's error codes. */
function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'EEXIST' || code === 'ENOTDIR') return 'a file is in the way';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Moves the profile to the folder LATENTDRAW_USER_DATA names, creating it first: app.setPath
 * throws for a folder that does not exist. Returns the folder, or undefined when the variable
 * is unset; throws a message naming the folder when it cannot be used.
 */
export function applyUserDataOverride(
  app: Pick<App, 'setPath'>,
  env: Record<string, string | undefined>,
  cwd?: string,
): string | undefined {
  const folder = userDataOverride(env, cwd);
  if (!folder) return undefined;
  try {
    mkdirSync(folder, { recursive: true });
    app.setPath('userData', folder);
  } catch (error) {
    throw new Error(USER_DATA_ERRORS.unusable(folder, reason(error)), { cause: error });
  }
  return folder;
}

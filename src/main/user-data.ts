import { resolve } from 'node:path';

/** Names the folder that replaces the person's profile (settings, datasets, models, the
 * single-instance lock): the Electron e2e test runs in a temporary one beside an open studio. */
export const USER_DATA_ENV = 'LATENTDRAW_USER_DATA';

/** The folder LATENTDRAW_USER_DATA names, made absolute (app.setPath needs that), or undefined. */
export function userDataOverride(
  env: Record<string, string | undefined>,
  cwd: string = process.cwd(),
): string | undefined {
  const folder = env[USER_DATA_ENV]?.trim();
  return folder ? resolve(cwd, folder) : undefined;
}

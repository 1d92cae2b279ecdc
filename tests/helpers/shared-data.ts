import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** `../shared/data` beside the checkout (override with LATENTDRAW_SHARED_DATA). */
export const SHARED_DATA = process.env.LATENTDRAW_SHARED_DATA ?? resolve(here, '../../../shared/data');

/** Path of a file in the shared data; throws a clear error when it is absent. */
export function sharedData(relative: string): string {
  const path = join(SHARED_DATA, relative);
  if (!existsSync(path)) {
    throw new Error(`test data missing: ${path} (this test needs ../shared/data beside the checkout)`);
  }
  return path;
}

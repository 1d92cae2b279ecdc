import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, whether this runs from the bundle (out/cli/index.js) or from source
 * (src/cli/*.ts): both sit two folders below it.
 */
export function appRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return resolve(dirname(fileURLToPath(import.meta.url)), '../..');
}

export const appPaths = {
  resources: () => join(appRoot(), 'resources'),
  renderer: () => join(appRoot(), 'out', 'renderer'),
  engineEntry: () => join(appRoot(), 'out', 'engine', 'host.js'),
  packageJson: () => join(appRoot(), 'package.json'),
};

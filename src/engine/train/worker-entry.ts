import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's script: bundled beside the engine (out/engine/NAME.js, also when this
 * module is itself bundled into another entry there), or the TypeScript source under tsx,
 * through its `NAME-source.mjs` loader.
 */
export function workerEntry(name: string): string {
  for (const candidate of [`./${name}.js`, `../engine/${name}.js`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return fileURLToPath(new URL(`./${name}-source.mjs`, import.meta.url));
}

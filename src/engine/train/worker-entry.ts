import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * A worker thread's script: bundled beside the engine (out/engine/NAME.js, also when this
 * module is itself bundled into another entry there), or the TypeScript source under tsx,
 * through the loader beside its source (`source`, made by the caller from its own
 * import.meta.url, so the loader can sit next to the thread it starts).
 */
export function workerEntry(name: string, source: URL): string {
  for (const candidate of [`./${name}.js`, `../engine/${name}.js`]) {
    const path = fileURLToPath(new URL(candidate, import.meta.url));
    if (existsSync(path)) return path;
  }
  return fileURLToPath(source);
}

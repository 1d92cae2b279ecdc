import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A fresh empty folder under the OS temp folder, named `latentdraw-PREFIX-…`; the caller removes it. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `latentdraw-${prefix}-`));
}

/** The one temp-folder helper of the tests: a temp folder per test file; `file(name, bytes)` writes into it and returns the path. */
export function tempFolder(prefix: string): {
  dir: string;
  file(name: string, data: string | Uint8Array): string;
  remove(): void;
} {
  const dir = tempDir(prefix);
  return {
    dir,
    file(name, data) {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

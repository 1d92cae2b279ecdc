import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { tempDir } from '../../helpers/temp-folder';

const SIZE = 4 * 1024 * 1024;
const KILLS = 12;

function isWholeVersion(bytes: Buffer): boolean {
  if (bytes.length !== SIZE) return false;
  const first = bytes[0];
  return (first === 0x41 || first === 0x42) && bytes.every((b) => b === first);
}

describe('atomic writes under SIGKILL', () => {
  test(`a file rewritten atomically is always the old or the new version (${KILLS} random kills)`, async () => {
    const folder = tempDir('atomic');
    const target = join(folder, 'model.bin');
    let inspected = 0;
    for (let i = 0; i < KILLS; i++) {
      const child = fork(resolve('tests/fixtures/atomic-writer.ts'), [target, String(SIZE)], {
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      });
      await new Promise<void>((ok) => child.once('message', () => ok()));
      await new Promise((ok) => setTimeout(ok, 20 + Math.random() * 200));
      const exited = new Promise((ok) => child.once('exit', ok));
      child.kill('SIGKILL');
      await exited;
      let bytes: Buffer;
      try {
        bytes = readFileSync(target);
      } catch {
        continue; // killed before its first rename: nothing was promised yet
      }
      inspected++;
      expect(isWholeVersion(bytes), `after kill ${i + 1} the file is torn (${bytes.length} bytes)`).toBe(true);
    }
    expect(inspected).toBeGreaterThan(KILLS / 2);
    // Temp files of killed writers may remain; they never replace the real file.
    expect(readdirSync(folder).filter((f) => !f.startsWith('model.bin')).length).toBe(0);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/index';
import type { CliIo } from '../../../src/cli/command';
import { startEngine } from '../../../src/engine/engine';
import { FS_ERRORS } from '../../../src/engine/fs-errors';
import { sharedData } from '../../helpers/shared-data';
import { tempDir } from '../../helpers/temp-folder';

// Needs ../shared/data.
const cats = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
const root = tempDir('read-only-home');
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The engine's answer to an import into a data home that has no datasets folder yet. */
async function importInto(home: string) {
  const engine = await startEngine({ dataHome: home, resourcesDir: resolve('resources'), backend: 'wasm' }, () => {});
  return engine.handle('datasets:import-paths', { paths: [cats], names: ['cat.ndjson'], name: 'cats' });
}

/** The engine's answer refusing a request with `message` and `code`. */
const refused = (message: string, code: string) => ({ ok: false, error: { message, code } });

/** `latentdraw import` with LATENTDRAW_HOME set to `home`: its exit status and what it wrote on stderr. */
async function cliImportInto(home: string): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const io: CliIo = { out: () => undefined, err: (line) => stderr.push(line) };
  const before = process.env.LATENTDRAW_HOME;
  process.env.LATENTDRAW_HOME = home;
  try {
    return { code: await main(['import', cats], io), stderr: stderr.join('\n') };
  } finally {
    if (before === undefined) delete process.env.LATENTDRAW_HOME;
    else process.env.LATENTDRAW_HOME = before;
  }
}

/** A real read-only filesystem: tests run as root, who ignores permission bits but not a read-only mount. */
function mountReadOnly(dir: string): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,ro', 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a test filesystem here (${(error as Error).message.split('\n')[0]})`;
  }
}

const disk = join(root, 'disk');
mkdirSync(disk);
const unavailable = mountReadOnly(disk);
if (unavailable) console.warn(`read-only mount tests skipped: ${unavailable}`);

describe.skipIf(Boolean(unavailable))(
  `a data home on a read-only disk${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    afterAll(() => execFileSync('umount', [disk]));

    it('is reported as read-only, naming the folder that cannot be written, not as a missing file', async () => {
      expect(await importInto(join(disk, 'home'))).toMatchObject(refused(FS_ERRORS.readOnly(disk), 'read-only'));
    });

    it('is reported so by the CLI too', async () => {
      const { code, stderr } = await cliImportInto(join(disk, 'home'));
      expect(code).toBe(1);
      expect(stderr).toContain(FS_ERRORS.readOnly(disk));
    });
  },
);

describe('a data home under a file', () => {
  const file = join(root, 'a-file');
  beforeAll(() => writeFileSync(file, 'not a folder'));

  it('is reported as a file standing where a folder should be', async () => {
    expect(await importInto(join(file, 'home'))).toMatchObject(refused(FS_ERRORS.notAFolder(file), 'not-a-folder'));
  });
});

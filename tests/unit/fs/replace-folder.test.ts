import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recoverFolder, recoverReplacedFolders, writeFolderReplacing } from '../../../src/engine/fs/atomic';
import { tempFolder } from '../../helpers/temp-folder';

const tmp = tempFolder('replace');
afterAll(() => tmp.remove());

/** A folder holding `file.txt` with `text`, and optionally more files. */
function copy(path: string, text: string, extra: string[] = []): void {
  mkdirSync(path, { recursive: true });
  writeFileSync(join(path, 'file.txt'), text);
  for (const name of extra) writeFileSync(join(path, name), name);
}

function root(name: string): string {
  const dir = join(tmp.dir, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

describe('replacing a folder', () => {
  it('writes the new copy in place and leaves nothing beside it', async () => {
    const dir = root('plain');
    copy(join(dir, 'm'), 'old');
    await writeFolderReplacing(join(dir, 'm'), async (temp) => copy(temp, 'new'));
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('a failing write leaves the old copy as it was', async () => {
    const dir = root('failing');
    copy(join(dir, 'm'), 'old');
    await expect(
      writeFolderReplacing(join(dir, 'm'), async () => {
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('recovery follows the marker: a committed copy is put in place even while the old one is there', async () => {
    const dir = root('committed');
    copy(join(dir, 'm'), 'old');
    copy(join(dir, '.m.saving-1-100'), 'new');
    writeFileSync(join(dir, '.m.current'), JSON.stringify({ current: '.m.saving-1-100' }));
    await recoverFolder(join(dir, 'm'));
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('without a commit a half-written copy is removed and the old one kept', async () => {
    const dir = root('uncommitted');
    copy(join(dir, 'm'), 'old');
    mkdirSync(join(dir, '.m.saving-1-100'));
    writeFileSync(join(dir, '.m.current.tmp-1-100'), '{"cur');
    await recoverFolder(join(dir, 'm'));
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('two crashes of an earlier version: the newest copy set aside is restored, not the half one that sorts first', async () => {
    const dir = root('legacy');
    // Crash 1 (old code): while removing the aside copy, after its replacement was in place.
    mkdirSync(join(dir, 'm.old-11111-1000'));
    // Crash 2: between the renames, so only the complete aside copy holds the model.
    copy(join(dir, 'm.old-99999-2000'), 'whole', ['latentdraw.json']);
    mkdirSync(join(dir, '.1700000000000-99999.saving'));
    await recoverReplacedFolders(dir);
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('whole');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('a save still running in another process is left alone', async () => {
    const dir = root('live');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      copy(join(dir, 'm'), 'old');
      const saving = `.m.saving-${other.pid}-${Date.now()}`;
      mkdirSync(join(dir, saving));
      await recoverReplacedFolders(dir);
      expect(readdirSync(dir).sort()).toEqual([saving, 'm']);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

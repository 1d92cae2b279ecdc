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

  it('recovery follows the journal: a committed (ready) copy is put in place even while the old one is there', async () => {
    const dir = root('committed');
    copy(join(dir, 'm'), 'old');
    copy(join(dir, '.m.ready-1-100'), 'new');
    writeFileSync(join(dir, '.m.replacing-1-100'), '');
    await recoverFolder(join(dir, 'm'));
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('a crash between the renames: the ready copy takes the missing place and the old one is removed', async () => {
    const dir = root('between');
    copy(join(dir, '.m.old-1-100'), 'old');
    copy(join(dir, '.m.ready-1-100'), 'new');
    writeFileSync(join(dir, '.m.replacing-1-100'), '');
    await recoverReplacedFolders(dir);
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('without a commit a half-written copy is removed and the old one kept', async () => {
    const dir = root('uncommitted');
    copy(join(dir, 'm'), 'old');
    mkdirSync(join(dir, '.m.saving-1-100'));
    writeFileSync(join(dir, '.m.replacing-1-100'), '');
    await recoverFolder(join(dir, 'm'));
    expect(readFileSync(join(dir, 'm', 'file.txt'), 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['m']);
  });

  it('folders named like leftovers with no journal of theirs beside them are a person’s: nothing is moved or removed', async () => {
    const dir = root('lookalikes');
    const lookalikes = ['m.old-11111-1000', 'm.old-2024-06', '.m.old-99999-2000', '.m.saving-1-1', '.m.ready-2-2'];
    for (const name of lookalikes) copy(join(dir, name), name, ['NOTES.txt']);
    // A journal of another stamp, and a file of a journal's name that is not empty (not ours).
    writeFileSync(join(dir, '.m.replacing-3-3'), '');
    writeFileSync(join(dir, '.m.replacing-2-2'), 'my notes');
    await recoverReplacedFolders(dir);
    await recoverFolder(join(dir, 'm'));
    expect(readdirSync(dir).sort()).toEqual([...lookalikes, '.m.replacing-2-2'].sort());
    for (const name of lookalikes) expect(readFileSync(join(dir, name, 'file.txt'), 'utf8')).toBe(name);
    expect(readFileSync(join(dir, '.m.replacing-2-2'), 'utf8')).toBe('my notes');
  });

  it('a save still running in another process is left alone', async () => {
    const dir = root('live');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      copy(join(dir, 'm'), 'old');
      const stamp = `${other.pid}-${Date.now()}`;
      mkdirSync(join(dir, `.m.saving-${stamp}`));
      writeFileSync(join(dir, `.m.replacing-${stamp}`), '');
      await recoverReplacedFolders(dir);
      expect(readdirSync(dir).sort()).toEqual([`.m.replacing-${stamp}`, `.m.saving-${stamp}`, 'm']);
    } finally {
      other.kill('SIGKILL');
    }
  });
});

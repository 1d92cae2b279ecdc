import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withFileLock, writeAtomic } from '../../../src/engine/fs/atomic';
import { tempFolder } from '../../helpers/temp-folder';

const tmp = tempFolder('file-lock');
afterAll(() => tmp.remove());

const tick = () => new Promise((ok) => setTimeout(ok, 1));

describe('withFileLock', () => {
  it('runs the holders of one path one at a time, in call order, and other paths meanwhile', async () => {
    const log: string[] = [];
    const hold = (path: string, name: string) =>
      withFileLock(path, async () => {
        log.push(`${name} in`);
        await tick();
        log.push(`${name} out`);
      });
    await Promise.all([hold('a.json', 'a1'), hold('./a.json', 'a2'), hold('b.json', 'b1'), hold('a.json', 'a3')]);
    const a = log.filter((l) => l.startsWith('a'));
    expect(a).toEqual(['a1 in', 'a1 out', 'a2 in', 'a2 out', 'a3 in', 'a3 out']);
    // b did not wait for a.
    expect(log.indexOf('b1 in')).toBeLessThan(log.indexOf('a1 out'));
  });

  it('a holder that fails passes its error on and lets the next one in', async () => {
    const failing = withFileLock('c.json', async () => {
      await tick();
      throw new Error('disk full');
    });
    const next = withFileLock('c.json', async () => 'ran');
    await expect(failing).rejects.toThrow('disk full');
    expect(await next).toBe('ran');
  });
});

describe('writeAtomic', () => {
  it('writes started in one millisecond each leave a whole file and no temporary', async () => {
    const target = join(tmp.dir, 'list.json');
    const versions = Array.from({ length: 20 }, (_, i) => JSON.stringify({ i, pad: 'x'.repeat((20 - i) * 1000) }));
    await Promise.all(versions.map((v) => writeAtomic(target, v)));
    expect(versions).toContain(readFileSync(target, 'utf8'));
    expect(readdirSync(tmp.dir)).toEqual(['list.json']);
  });
});

import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startEngine, type Engine } from '../../../src/engine/engine';
import { FS_ERRORS } from '../../../src/engine/fs-errors';
import { fingerprint } from '../../helpers/fingerprint';
import { sharedData } from '../../helpers/shared-data';
import { tempDir } from '../../helpers/temp-folder';

/** A small filesystem of its own, so "the disk is full" and "read-only" are real, not mocked. */
function mountSmallDisk(dir: string, megabytes: number): string | undefined {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'pipe' });
    return undefined;
  } catch (error) {
    return `cannot mount a test filesystem here (${(error as Error).message.split('\n')[0]})`;
  }
}

const disk = tempDir('disk');
const unavailable = mountSmallDisk(disk, 3);
if (unavailable) console.warn(`disk-full tests skipped: ${unavailable}`);

describe.skipIf(Boolean(unavailable))(
  `a full disk or a read-only data folder${unavailable ? ` (skipped: ${unavailable})` : ''}`,
  () => {
    let engine: Engine;
    const call = async (channel: string, payload: unknown) => engine.handle(channel, payload);

    beforeAll(async () => {
      mkdirSync(join(disk, 'home'), { recursive: true });
      engine = await startEngine(
        { dataHome: join(disk, 'home'), resourcesDir: resolve('resources'), backend: 'wasm' },
        () => undefined,
      );
    });
    afterAll(() => {
      try {
        execFileSync('umount', [disk]);
      } finally {
        rmSync(disk, { recursive: true, force: true });
      }
    });

    test('a full disk gives a clear error and loses nothing', async () => {
      const cats = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
      const first = await call('datasets:import-paths', { paths: [cats], names: ['cat.ndjson'], name: 'cats' });
      expect(first.ok).toBe(true);
      const saved = await call('drawings:save', { name: 'mine', drawing: [{ x: [1, 2, 3], y: [4, 5, 6] }] });
      expect(saved.ok).toBe(true);
      const before = fingerprint(join(disk, 'home'));

      // 10,000 Fashion-MNIST images need about 8 MB of rasters: more than the 3 MB disk holds.
      const big = sharedData('fashion-mnist/t10k-images-idx3-ubyte.gz');
      const reply = await call('datasets:import-paths', { paths: [big], names: ['fashion.gz'], name: 'too big' });
      expect(reply.ok).toBe(false);
      if (!reply.ok) {
        expect(reply.error.message).toContain('There is no space left on the disk');
        expect(reply.error.code).toBe('disk-full');
      }
      const listed = await call('datasets:list', {});
      expect(listed.ok && (listed.value as Array<{ name: string }>).map((d) => d.name)).toEqual(['cats']);
      const after = fingerprint(join(disk, 'home'));
      for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
      const reopened = await call('drawings:open', { name: 'mine' });
      expect(reopened.ok).toBe(true);
    });

    test('a read-only data folder gives a clear error and everything stays readable', async () => {
      execFileSync('mount', ['-o', 'remount,ro', disk]);
      try {
        const reply = await call('drawings:save', { name: 'another', drawing: [{ x: [1, 2], y: [3, 4] }] });
        expect(reply.ok).toBe(false);
        if (!reply.ok) expect(reply.error.message).toBe(FS_ERRORS.readOnly(reply.error.message.match(/\((.*)\)/)![1]));
        const listed = await call('datasets:list', {});
        expect(listed.ok).toBe(true);
        expect((await call('drawings:open', { name: 'mine' })).ok).toBe(true);
      } finally {
        execFileSync('mount', ['-o', 'remount,rw', disk]);
      }
    });
  },
);

import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { command as inspect } from '../../../src/cli/commands/inspect';
import { command as importCommand } from '../../../src/cli/commands/import';
import type { CliIo } from '../../../src/cli/command';
import { main } from '../../../src/cli/index';
import { DataErrors } from '../../../src/engine/data/errors';
import { DatasetStore } from '../../../src/engine/data/store/dataset-store';
import { sharedData } from '../../helpers/shared-data';
import { tempFolder } from '../../helpers/temp-folder';

// Needs ../shared/data.
function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const tmp = tempFolder('cli');
afterAll(() => tmp.remove());

describe('latentdraw inspect', () => {
  it('reports the truncated .bin: 49 drawings, incomplete, the cut-off record with its offset (--json)', async () => {
    const io = capture();
    const code = await inspect.run([sharedData('quickdraw/binary/dog.truncated-8192.bin'), '--json'], io);
    expect(code).toBe(1);
    const s = JSON.parse(io.stdout[0]);
    expect(s).toMatchObject({ format: 'quickdraw-bin', drawings: 49, complete: false, categories: { dog: 49 } });
    expect(s.strokes).toBeGreaterThan(49);
    expect(s.points).toBeGreaterThan(s.strokes);
    expect(s.recognized).toBeGreaterThan(0);
    expect(s.countries.US).toBeGreaterThan(0);
    expect(s.problems).toEqual([
      {
        file: expect.stringContaining('dog.truncated-8192.bin'),
        message: DataErrors.strokePastEnd(0, 37),
        recordIndex: 49,
        byteOffset: 8161,
      },
    ]);
  });

  it('prints readable text for a complete NDJSON file', async () => {
    const io = capture();
    const code = await inspect.run([sharedData('quickdraw/simplified-ndjson/cat.ndjson')], io);
    expect(code).toBe(0);
    const text = io.stdout.join('\n');
    expect(text).toContain('quickdraw-ndjson-simplified');
    expect(text).toMatch(/drawings\s+25/);
    expect(text).toMatch(/complete\s+yes/);
    expect(text).toContain('cat 25');
  });

  it('reports MNIST labels and bitmaps; an unreadable file as a problem', async () => {
    const io = capture();
    await inspect.run(
      [sharedData('mnist/t10k-labels-idx1-ubyte.gz'), sharedData('quickdraw/numpy-bitmap/eye.first3000.npy'), '--json'],
      io,
    );
    const [labels, npy] = io.stdout.map((l) => JSON.parse(l));
    expect(labels).toMatchObject({ format: 'idx-labels', gzip: true, labels: 10000, complete: true });
    expect(labels.categories['1']).toBe(1135);
    expect(npy).toMatchObject({ format: 'npy-bitmap', images: 3000, categories: { eye: 3000 } });
    const bad = capture();
    expect(await inspect.run([tmp.file('empty.bin', ''), '--json'], bad)).toBe(1);
    expect(JSON.parse(bad.stdout[0]).problems[0].message).toContain(DataErrors.emptyFile);
  });

  it('usage errors exit 2', async () => {
    const io = capture();
    // Usage errors are thrown by the command and turned into exit 2 and the usage by main.
    expect(await main(['inspect'], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain('usage');
  });
});

describe('latentdraw import', () => {
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.LATENTDRAW_HOME;
    process.env.LATENTDRAW_HOME = join(tmp.dir, 'home');
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.LATENTDRAW_HOME;
    else process.env.LATENTDRAW_HOME = saved;
  });

  it('adds files to the store under LATENTDRAW_HOME, with --category and --limit', async () => {
    const io = capture();
    const code = await importCommand.run(
      [sharedData('quickdraw/binary/dog.truncated-8192.bin'), '--category', 'hound', '--limit', '10', '--json'],
      io,
    );
    expect(code).toBe(0);
    const lines = io.stdout.map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'file', format: 'quickdraw-bin', added: 10 });
    expect(lines[1].dataset).toMatchObject({ count: 10, categories: ['hound'] });
    const listed = await new DatasetStore(join(tmp.dir, 'home', 'datasets')).list();
    expect(listed.map((d) => d.id)).toEqual([lines[1].dataset.id]);
  });

  it('prints a readable summary and exits 1 when nothing could be imported', async () => {
    const io = capture();
    expect(await importCommand.run([sharedData('quickdraw/simplified-ndjson/eye.ndjson')], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/25 added/);
    const bad = capture();
    expect(await importCommand.run([tmp.file('x.txt', 'nothing here')], bad)).toBe(1);
    expect(bad.stderr).toContain(DataErrors.nothingImported);
    expect(await main(['import', '--limit', 'x', 'a.bin'], capture())).toBe(2);
  });
});

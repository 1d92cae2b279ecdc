import { main } from '../../../src/cli/index';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { command as decode } from '../../../src/cli/commands/decode';
import { command as encode } from '../../../src/cli/commands/encode';
import { command as trainCommand } from '../../../src/cli/commands/train';
import { STORE_ERRORS } from '../../../src/engine/models/store/errors';
import { sharedData } from '../../helpers/shared-data';

let home: string;
const saved = process.env.LATENTDRAW_HOME;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'ld-cli-'));
  process.env.LATENTDRAW_HOME = home;
});

afterAll(async () => {
  if (saved === undefined) delete process.env.LATENTDRAW_HOME;
  else process.env.LATENTDRAW_HOME = saved;
  await rm(home, { recursive: true, force: true });
});

describe('train / encode / decode commands', () => {
  const mnist = () => sharedData('mnist/t10k-images-idx3-ubyte.gz');

  it('trains, prints one JSON line per epoch, and saves a model folder', async () => {
    const c = capture();
    const out = join(home, 'models', 'digits');
    const code = await trainCommand.run(
      [
        '--data',
        mnist(),
        '--model',
        'cvae',
        '--epochs',
        '2',
        '--batch',
        '50',
        '--hidden',
        '32',
        '--limit',
        '300',
        '--out',
        out,
        '--json',
      ],
      c.io,
    );
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    expect(c.out).toHaveLength(2);
    const epoch = JSON.parse(c.out[1]) as { epoch: number; validationLoss: number };
    expect(epoch.epoch).toBe(2);
    expect(epoch.validationLoss).toBeGreaterThan(0);
    const meta = JSON.parse(await readFile(join(out, 'latentdraw.json'), 'utf8')) as { kind: string; name: string };
    expect(meta).toMatchObject({ kind: 'cvae', name: 'digits' });
  });

  it('encodes drawings of a file into codes', async () => {
    const c = capture();
    const code = await encode.run(['--model', join(home, 'models', 'digits'), mnist(), '--limit', '3', '--json'], c.io);
    expect(code).toBe(0);
    expect(c.out).toHaveLength(3);
    const first = JSON.parse(c.out[0]) as { label: string; z: number[] };
    expect(first.z).toHaveLength(2);
    expect(first.label).toBe('7');
  });

  it('decodes a latent vector to a PNG', async () => {
    const c = capture();
    const png = join(home, 'seven.png');
    const code = await decode.run(
      ['--model', join(home, 'models', 'digits'), '--z', '0.5,-1', '--class', '7', '--out', png],
      c.io,
    );
    expect(c.err).toEqual([]);
    expect(code).toBe(0);
    const bytes = await readFile(png);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(28 * 8);
  });

  it('reports usage errors with exit code 2 and load errors with 1', async () => {
    const c = capture();
    // Through the dispatcher, which turns usage errors into exit 2 and failures into exit 1.
    expect(
      await main(
        ['decode', '--model', join(home, 'models', 'digits'), '--z', '1,2,3', '--class', '7', '--out', '/tmp/x.png'],
        c.io,
      ),
    ).toBe(2);
    expect(await main(['train', '--model', 'nope', '--out', 'x', '--data', 'y'], c.io)).toBe(2);
    expect(await main(['encode', '--model', join(home, 'missing'), mnist()], c.io)).toBe(1);
    expect(c.err.join('\n')).toContain(STORE_ERRORS.notAFolder);
  });
});

import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FLAG_ERRORS } from '../../../src/cli/args';
import type { CliIo } from '../../../src/cli/command';
import { PICTURE_MEMORY } from '../../../src/cli/commands/decode';
import { main } from '../../../src/cli/index';
import { GRAY_PICTURE_BYTES_PER_PIXEL } from '../../../src/engine/image/png';
import { MEMORY_BUDGET_BYTES, MEMORY_ERRORS } from '../../../src/engine/memory-budget';
import { RUN_MEMORY } from '../../../src/engine/train/memory-estimate';
import { trainingSettingsFields } from '../../../src/shared/contract/training';
import { sharedData } from '../../helpers/shared-data';
import { tempFolder } from '../../helpers/temp-folder';

// Needs ../shared/data (MNIST t10k) for the run refused after its data is loaded.

const tmp = tempFolder('cli-memory');
afterAll(() => tmp.remove());

async function latentdraw(args: string[]): Promise<{ code: number; stderr: string }> {
  const stderr: string[] = [];
  const io: CliIo = { out: () => undefined, err: (line) => stderr.push(line) };
  const before = process.env.LATENTDRAW_HOME;
  process.env.LATENTDRAW_HOME = join(tmp.dir, 'home');
  try {
    return { code: await main(args, io), stderr: stderr.join('\n') };
  } finally {
    if (before === undefined) delete process.env.LATENTDRAW_HOME;
    else process.env.LATENTDRAW_HOME = before;
  }
}

describe("the CLI holds to the studio's limits", () => {
  // The data does not exist: a flag refused by its schema is refused before the data is looked for.
  const train = (...flags: string[]) =>
    latentdraw(['train', '--data', join(tmp.dir, 'none.ndjson'), '--model', 'mlp-vae', '--out', tmp.dir, ...flags]);

  it.each([
    ['latent', '100000', trainingSettingsFields.latentSize.describe],
    ['hidden', '1000000', trainingSettingsFields.hiddenSize.inner.describe],
    ['batch', '5000', trainingSettingsFields.batchSize.describe],
  ])('refuses --%s %s with the contract limit, before reading any data', async (flag, value, rule) => {
    const { code, stderr } = await train(`--${flag}`, value);
    expect(code).toBe(2);
    expect(stderr).toContain(FLAG_ERRORS.outOfRange(flag, rule, value));
  });

  it('refuses a run over the memory budget once its data is in, before building the model', async () => {
    const out = join(tmp.dir, 'big-conv-vae');
    const { code, stderr } = await latentdraw([
      'train',
      '--data',
      sharedData('mnist/t10k-images-idx3-ubyte.gz'),
      '--limit',
      '300',
      '--model',
      'conv-vae',
      '--batch',
      '4096',
      '--latent',
      '256',
      '--backend',
      'cpu',
      '--out',
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toMatch(/this run would need about \d+\.\d GB; the limit is 1\.5 GB: lower the batch size/);
    expect(stderr).toContain(RUN_MEMORY.advice('conv-vae'));
    expect(existsSync(out)).toBe(false);
  }, 60_000);

  it('refuses a decode scale whose picture would not fit, naming the largest that does, and keeps a sensible one', async () => {
    const png = join(tmp.dir, 'huge.png');
    const args = ['decode', '--model', resolve('resources/models/mnist-vae'), '--z', '0,0', '--out', png];
    const { code, stderr } = await latentdraw([...args, '--scale', '2000']);
    expect(code).toBe(1);
    const largest = Math.floor(Math.sqrt(MEMORY_BUDGET_BYTES / GRAY_PICTURE_BYTES_PER_PIXEL) / 28);
    const bytes = (28 * 2000) ** 2 * GRAY_PICTURE_BYTES_PER_PIXEL;
    expect(stderr).toContain(MEMORY_ERRORS.tooBig(PICTURE_MEMORY.what, bytes, PICTURE_MEMORY.advice(largest)));
    expect(existsSync(png)).toBe(false);

    expect((await latentdraw([...args, '--scale', '16'])).code).toBe(0);
    expect(existsSync(png)).toBe(true);
  }, 60_000);
});

import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../../src/cli/command';
import { main } from '../../../src/cli/index';
import { STORE_ERRORS } from '../../../src/engine/models/store/errors';
import { fingerprint } from '../../helpers/fingerprint';
import { tempFolder } from '../../helpers/temp-folder';

/**
 * The CLI as a person runs it (the dispatcher, its messages and exit codes) on folders that
 * hold a person's files: `train --out` and every model load must leave them byte for byte.
 */
const SHIPPED_MODEL = resolve('resources/models/mnist-vae');
const CATS = resolve('resources/data/cat.first3000.npy');
const DIGITS = resolve('resources/data/mnist-t10k-images-idx3-ubyte.gz');

const tmp = tempFolder('cli-folders');
const savedHome = process.env.LATENTDRAW_HOME;
beforeAll(() => {
  // Checkpoints go to the data home: keep them out of the person's.
  process.env.LATENTDRAW_HOME = join(tmp.dir, 'data-home');
});
afterAll(() => {
  if (savedHome === undefined) delete process.env.LATENTDRAW_HOME;
  else process.env.LATENTDRAW_HOME = savedHome;
  tmp.remove();
});

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (l) => out.push(l), err: (l) => err.push(l) };
  const code = await main(argv, io);
  return { code, out, err: err.join('\n') };
}

const trainArgs = (out: string) =>
  [
    'train',
    '--data',
    CATS,
    '--model',
    'mlp-vae',
    '--epochs',
    '1',
    '--limit',
    '100',
    '--hidden',
    '16',
    '--out',
    out,
  ] as const;

/** A person's folder: text and binary files, one in a subfolder. */
function personFolder(path: string): void {
  mkdirSync(join(path, 'thesis'), { recursive: true });
  writeFileSync(join(path, 'thesis', 'chapter1.tex'), '\\chapter{Latent spaces}\nDraft 7.\n');
  writeFileSync(join(path, 'results.csv'), 'epoch,loss\n1,231.5\n');
  writeFileSync(join(path, 'figure.bin'), randomBytes(4096));
}

function place(name: string): string {
  const path = join(tmp.dir, name);
  mkdirSync(path, { recursive: true });
  return path;
}

describe('latentdraw train --out replaces only a model folder', () => {
  it('refuses a folder of a person’s files before training, names it, and leaves every file as it was', async () => {
    const projects = join(place('refuse-folder'), 'projects');
    personFolder(projects);
    const before = fingerprint(projects);
    const run = await cli(...trainArgs(projects));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${STORE_ERRORS.targetNotModel}: ${projects}`);
    // Refused up front: not one line of training was printed.
    expect(run.out).toEqual([]);
    expect(fingerprint(projects)).toEqual(before);
    expect(readFileSync(join(projects, 'thesis', 'chapter1.tex'), 'utf8')).toBe('\\chapter{Latent spaces}\nDraft 7.\n');
    expect(readdirSync(join(projects, '..'))).toEqual(['projects']);
  });

  it('refuses a file, naming it, and leaves it a file', async () => {
    const notes = join(place('refuse-file'), 'notes.txt');
    writeFileSync(notes, 'buy milk\n');
    const run = await cli(...trainArgs(notes));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${STORE_ERRORS.targetIsFile}: ${notes}`);
    expect(run.out).toEqual([]);
    expect(readFileSync(notes, 'utf8')).toBe('buy milk\n');
  });

  it('refuses a link, naming it, and leaves the link and what it points to', async () => {
    const root = place('refuse-link');
    const projects = join(root, 'projects');
    personFolder(projects);
    const before = fingerprint(projects);
    const link = join(root, 'shortcut');
    symlinkSync(projects, link);
    const run = await cli(...trainArgs(link));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${STORE_ERRORS.targetIsLink}: ${link}`);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fingerprint(projects)).toEqual(before);
  });

  it('refuses "." (the current folder)', async () => {
    const here = join(place('refuse-dot'), 'work');
    personFolder(here);
    const before = fingerprint(here);
    const cwd = process.cwd();
    process.chdir(here);
    try {
      const run = await cli(...trainArgs('.'));
      expect(run.code).toBe(1);
      expect(run.err).toContain(`${STORE_ERRORS.targetNotModel}: ${here}`);
    } finally {
      process.chdir(cwd);
    }
    expect(fingerprint(here)).toEqual(before);
  });

  it('refuses a model folder that also holds a person’s file, naming that file', async () => {
    const model = join(place('refuse-extra'), 'digits');
    cpSync(SHIPPED_MODEL, model, { recursive: true });
    writeFileSync(join(model, 'NOTES.txt'), 'trained on the train set, beta 0.5\n');
    const before = fingerprint(model);
    const run = await cli(...trainArgs(model));
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${STORE_ERRORS.targetHasOtherFiles}: ${join(model, 'NOTES.txt')}`);
    expect(run.out).toEqual([]);
    expect(fingerprint(model)).toEqual(before);
  });

  it('saves into an empty folder, then replaces the model it saved there', async () => {
    const out = join(place('allowed'), 'cats');
    mkdirSync(out);
    const first = await cli(...trainArgs(out));
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    const savedAt = (JSON.parse(readFileSync(join(out, 'latentdraw.json'), 'utf8')) as { savedAt: string }).savedAt;
    const second = await cli(...trainArgs(out));
    expect(second.err).toBe('');
    expect(second.code).toBe(0);
    expect(second.out.at(-1)).toBe(`saved ${out}`);
    expect((JSON.parse(readFileSync(join(out, 'latentdraw.json'), 'utf8')) as { savedAt: string }).savedAt).not.toBe(
      savedAt,
    );
    expect(readdirSync(join(out, '..'))).toEqual(['cats']);
  }, 240_000);
});

describe('loading or saving a model leaves folders named like leftovers alone', () => {
  /** models/: the model `mnist` beside a person's folders named like what a save once set aside. */
  function modelsWithLookalikes(root: string): string {
    const models = join(root, 'models');
    cpSync(SHIPPED_MODEL, join(models, 'mnist'), { recursive: true });
    for (const name of ['mnist.old-2024-06', '.mnist.old-2024-06', '.mnist.saving-1-1', 'mnist.old-1-2']) {
      mkdirSync(join(models, name));
      writeFileSync(join(models, name, 'NOTES.txt'), `kept: ${name}\n`);
    }
    return models;
  }

  it('encode keeps mnist.old-2024-06 (a person’s folder) and every other sibling byte for byte', async () => {
    const models = modelsWithLookalikes(place('encode'));
    const before = fingerprint(models);
    const run = await cli('encode', '--model', join(models, 'mnist'), DIGITS, '--limit', '2', '--json');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toHaveLength(2);
    expect(fingerprint(models)).toEqual(before);
    expect(readFileSync(join(models, 'mnist.old-2024-06', 'NOTES.txt'), 'utf8')).toBe('kept: mnist.old-2024-06\n');
  });

  it('decode keeps them too', async () => {
    const root = place('decode');
    const models = modelsWithLookalikes(root);
    const before = fingerprint(models);
    const png = join(root, 'out.png');
    const run = await cli('decode', '--model', join(models, 'mnist'), '--z', '0,0', '--out', png);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(png)).toBe(true);
    expect(fingerprint(models)).toEqual(before);
  });

  it('a missing model is reported missing; digits.old-7-7 is not renamed to take its place', async () => {
    const models = join(place('missing'), 'models');
    cpSync(SHIPPED_MODEL, join(models, 'digits.old-7-7'), { recursive: true });
    const before = fingerprint(models);
    const run = await cli('encode', '--model', join(models, 'digits'), DIGITS, '--limit', '1');
    expect(run.code).toBe(1);
    expect(run.err).toContain(`${STORE_ERRORS.notAFolder}: ${join(models, 'digits')}`);
    expect(readdirSync(models)).toEqual(['digits.old-7-7']);
    expect(fingerprint(models)).toEqual(before);
  });

  it('train --out keeps a sibling named like an old copy of the model it replaces', async () => {
    const models = modelsWithLookalikes(place('train-beside'));
    const siblings = Object.fromEntries(
      readdirSync(models)
        .filter((name) => name !== 'mnist')
        .map((name) => [name, fingerprint(join(models, name))]),
    );
    const run = await cli(...trainArgs(join(models, 'mnist')));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    for (const [name, prints] of Object.entries(siblings)) expect(fingerprint(join(models, name))).toEqual(prints);
    expect(readdirSync(models).sort()).toEqual(['mnist', ...Object.keys(siblings)].sort());
  }, 120_000);
});

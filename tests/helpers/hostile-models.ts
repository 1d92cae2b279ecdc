import { cpSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fifo } from './hostile-files';

/**
 * Hostile model folders, each a copy of the shipped MNIST VAE with one thing changed, made
 * where a test or bench needs them. Shared by tests/integration/models/hostile-folders.test.ts
 * and bench/fuzz (which runs `encode` on each and measures time and peak RSS).
 */
export const HOSTILE_SOURCE_MODEL = resolve('resources/models/mnist-vae');

type Json = Record<string, unknown>;

function copyModel(folder: string): string {
  rmSync(folder, { recursive: true, force: true });
  cpSync(HOSTILE_SOURCE_MODEL, folder, { recursive: true });
  return folder;
}

function editJson(path: string, edit: (json: Json) => void): void {
  const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
}

interface Manifest {
  paths: string[];
  weights: { name: string; shape: number[]; dtype: string; quantization?: unknown }[];
}
const manifestOf = (json: Json) => (json.weightsManifest as Manifest[])[0];

function editEncoder(folder: string, edit: (json: Json) => void): string {
  editJson(join(folder, 'encoder', 'model.json'), edit);
  return folder;
}

function weightsPath(folder: string, path: string): string {
  return editEncoder(folder, (json) => {
    manifestOf(json).paths = [path];
  });
}

/** Every hostile folder by name: writes it under `root` and returns its path. */
export const HOSTILE_MODELS: Record<string, (root: string) => string> = {
  'weights path ../…/dev/zero': (root) => weightsPath(copyModel(join(root, 'dev-zero')), '../'.repeat(12) + 'dev/zero'),
  'weights path /dev/zero': (root) => weightsPath(copyModel(join(root, 'abs-dev-zero')), '/dev/zero'),
  'weights path ../…/etc/passwd': (root) => weightsPath(copyModel(join(root, 'passwd')), '../../../../etc/passwd'),
  'weights of the right size outside the folder': (root) => {
    const folder = copyModel(join(root, 'outside'));
    cpSync(join(folder, 'encoder', 'weights.bin'), join(root, 'outside-weights.bin'));
    return weightsPath(folder, '../../outside-weights.bin');
  },
  'weights.bin a symlink': (root) => {
    const folder = copyModel(join(root, 'symlink'));
    const outside = join(root, 'symlink-target.bin');
    cpSync(join(folder, 'encoder', 'weights.bin'), outside);
    rmSync(join(folder, 'encoder', 'weights.bin'));
    symlinkSync(outside, join(folder, 'encoder', 'weights.bin'));
    return folder;
  },
  'a part folder that is a symlink out': (root) => {
    const folder = copyModel(join(root, 'part-link'));
    cpSync(join(folder, 'encoder'), join(root, 'part-link-encoder'), { recursive: true });
    rmSync(join(folder, 'encoder'), { recursive: true });
    symlinkSync(join(root, 'part-link-encoder'), join(folder, 'encoder'));
    return folder;
  },
  'weights.bin a FIFO': (root) => {
    const folder = copyModel(join(root, 'fifo'));
    rmSync(join(folder, 'encoder', 'weights.bin'));
    fifo(join(folder, 'encoder', 'weights.bin'));
    return folder;
  },
  'weights.bin named 20,000 times': (root) =>
    editEncoder(copyModel(join(root, 'repeated')), (json) => {
      manifestOf(json).paths = new Array<string>(20_000).fill('weights.bin');
    }),
  'a Dense layer of 1e6 units': (root) =>
    editEncoder(copyModel(join(root, 'huge-dense')), (json) => {
      const topology = json.modelTopology as { config: { layers: { class_name: string; config: Json }[] } };
      const dense = topology.config.layers.find((l) => l.class_name === 'Dense');
      if (dense) dense.config.units = 1_000_000;
    }),
  'a quantization entry that skips the size check': (root) =>
    editEncoder(copyModel(join(root, 'quantized')), (json) => {
      manifestOf(json).weights[0].quantization = { dtype: 'uint8', scale: 1, min: -22766 };
    }),
  'a quantization of an unknown dtype': (root) =>
    editEncoder(copyModel(join(root, 'quantized-bad')), (json) => {
      manifestOf(json).weights[0].quantization = { dtype: 'int4', scale: 1, min: 0 };
    }),
  'kind cvae with 1e6 classes on a plain VAE': (root) => {
    const folder = copyModel(join(root, 'cvae-claim'));
    editJson(join(folder, 'latentdraw.json'), (json) => {
      json.kind = 'cvae';
      json.numClasses = 1_000_000;
    });
    return folder;
  },
  'kind cvae with 10 classes on a plain VAE': (root) => {
    const folder = copyModel(join(root, 'cvae-claim-10'));
    editJson(join(folder, 'latentdraw.json'), (json) => {
      json.kind = 'cvae';
      json.numClasses = 10;
    });
    return folder;
  },
  'latentdraw.json a symlink to /dev/zero': (root) => {
    const folder = copyModel(join(root, 'meta-zero'));
    rmSync(join(folder, 'latentdraw.json'));
    symlinkSync('/dev/zero', join(folder, 'latentdraw.json'));
    return folder;
  },
};

/** Size of the shipped encoder's weights (for tests that build a same-size file). */
export function sourceEncoderBytes(): number {
  return statSync(join(HOSTILE_SOURCE_MODEL, 'encoder', 'weights.bin')).size;
}

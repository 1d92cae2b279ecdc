/**
 * Peak memory of a whole training run through the CLI: a Quick, Draw! numpy-bitmap file of
 * `--count` drawings (the 3000 real cats of resources/data repeated, as a big category file
 * would be), one epoch of the MLP VAE, measured with /usr/bin/time -v. Prints the peak RSS and
 * the epoch's samples/s. RSS is the figure; samples/s moves with the load of a shared machine.
 *
 *   npx tsx bench/train/memory.ts [-- --count 500000] [--model mlp-vae] [--root DIR] [--json]
 *
 * `--root` runs another checkout's built CLI (e.g. a `git worktree` of an older commit) on the
 * same file, to compare before and after a change in one sitting.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { npyHeader } from '../../src/engine/data/formats/encode';
import { parseNpyHeader } from '../../src/engine/data/formats/npy';

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '500000' },
    model: { type: 'string', default: 'mlp-vae' },
    root: { type: 'string', default: resolve(import.meta.dirname, '../..') },
    json: { type: 'boolean', default: false },
  },
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const count = Number(values.count);
const root = resolve(values.root);
const PIXELS = 784;
const SOURCE = join(import.meta.dirname, '../../resources/data/cat.first3000.npy');

/** Writes `rows` drawings, cycling through the real ones, a block at a time. */
function writeBigNpy(path: string, rows: number): void {
  const source = readFileSync(SOURCE);
  const { dataOffset, rows: have } = parseNpyHeader(source, SOURCE);
  const drawings = source.subarray(dataOffset, dataOffset + have * PIXELS);
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, npyHeader(rows));
    for (let written = 0; written < rows;) {
      const n = Math.min(have, rows - written);
      writeSync(fd, drawings, 0, n * PIXELS);
      written += n;
    }
  } finally {
    closeSync(fd);
  }
}

const work = mkdtempSync(join(tmpdir(), 'latentdraw-memory-'));
try {
  const file = join(work, `cat-${count}.npy`);
  writeBigNpy(file, count);
  const args = [
    'train',
    '--data',
    file,
    '--model',
    values.model,
    '--epochs',
    '1',
    '--out',
    join(work, 'model'),
    '--json',
  ];
  const run = spawnSync('/usr/bin/time', ['-v', process.execPath, join(root, 'bin/latentdraw.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, LATENTDRAW_HOME: join(work, 'home') },
    maxBuffer: 64 * 1024 * 1024,
  });
  const field = (name: string) => new RegExp(`${name}: (.+)`).exec(run.stderr)?.[1]?.trim();
  const epoch = run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { samplesPerSecond?: number; seconds?: number })
    .at(-1);
  if (run.status !== 0 || !epoch) {
    process.stderr.write(run.stderr);
    throw new Error(`the training run failed (exit ${run.status}); its output is above`);
  }
  const result = {
    checkout: root,
    drawings: count,
    model: values.model,
    peakRssMB: Math.round(Number(field('Maximum resident set size \\(kbytes\\)')) / 1024),
    wallClock: field('Elapsed \\(wall clock\\) time \\(h:mm:ss or m:ss\\)'),
    epochSeconds: epoch.seconds,
    samplesPerSecond: Math.round(epoch.samplesPerSecond ?? NaN),
  };
  if (values.json) console.log(JSON.stringify(result));
  else
    console.log(
      `${result.model}, ${count} drawings, 1 epoch (${root}): peak RSS ${result.peakRssMB} MB, ` +
        `${result.samplesPerSecond} samples/s (epoch ${epoch.seconds?.toFixed(1)} s, whole run ${result.wallClock})`,
    );
} finally {
  rmSync(work, { recursive: true, force: true });
}

import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CliIo } from '../../../src/cli/command';
import { main } from '../../../src/cli/index';
import { deadPid, idleProcess, killProcess } from '../../helpers/processes';
import { sharedData } from '../../helpers/shared-data';
import { tempFolder } from '../../helpers/temp-folder';

// Needs ../shared/data (Quick, Draw! cat bitmaps and MNIST): trains tiny MLP VAEs on wasm
// through `latentdraw train`, as a person runs it.

interface Ran {
  code: number;
  stdout: string[];
  stderr: string[];
}

const tmp = tempFolder('train-cli');
const home = join(tmp.dir, 'home');
const cats = join(tmp.dir, 'ck', 'cats', 'vae');
const digits = join(tmp.dir, 'ck', 'digits', 'vae');
const CAT_DATA = () => sharedData('quickdraw/numpy-bitmap/cat.first3000.npy');
const DIGIT_DATA = () => sharedData('mnist/t10k-images-idx3-ubyte.gz');
const SMALL = ['--model', 'mlp-vae', '--hidden', '32', '--batch', '50', '--backend', 'wasm', '--json'];

/**
 * `latentdraw train ARGS`. With `stopAfterEpochs`, the run is interrupted (SIGINT, as Ctrl+C
 * sends it) once that many epochs have been reported.
 */
async function latentdrawTrain(args: string[], stopAfterEpochs?: number): Promise<Ran> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CliIo = {
    out: (line) => {
      stdout.push(line);
      if (stopAfterEpochs !== undefined && epochsOf(stdout).length === stopAfterEpochs) process.emit('SIGINT');
    },
    err: (line) => stderr.push(line),
  };
  const code = await main(['train', ...args], io);
  return { code, stdout, stderr };
}

/** Each reported epoch's number and training loss (what a checkpoint's history keeps of it). */
function epochsOf(lines: string[]): Array<{ epoch: number; trainLoss: number }> {
  return lines
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as { epoch: number; trainLoss: number })
    .map(({ epoch, trainLoss }) => ({ epoch, trainLoss }));
}

/** The checkpoint folder the CLI names when a run is stopped. */
function checkpointNamed(stderr: string[]): string {
  const m = /checkpoint in (.+)\)$/.exec(stderr.join('\n'));
  if (!m) throw new Error(`no checkpoint named in: ${stderr.join('\n')}`);
  return m[1];
}

function historyIn(checkpointDir: string): Array<{ epoch: number; trainLoss: number }> {
  const { checkpoint } = JSON.parse(readFileSync(join(checkpointDir, 'latest.json'), 'utf8')) as { checkpoint: string };
  const state = JSON.parse(readFileSync(join(checkpointDir, checkpoint, 'state.json'), 'utf8')) as {
    history: Array<{ epoch: number; trainLoss: number }>;
  };
  return state.history;
}

describe('latentdraw train: checkpoints belong to their run', () => {
  const before = process.env.LATENTDRAW_HOME;
  let catsCheckpoint: string;
  let catsFirstEpoch: { epoch: number; trainLoss: number };
  const catArgs = () => ['--data', CAT_DATA(), '--limit', '200', '--out', cats, ...SMALL];

  beforeAll(async () => {
    process.env.LATENTDRAW_HOME = home;
    // Run A on cats, stopped after its first epoch.
    const a = await latentdrawTrain([...catArgs(), '--epochs', '5'], 1);
    expect(a.code).toBe(130);
    catsCheckpoint = checkpointNamed(a.stderr);
    [catsFirstEpoch] = epochsOf(a.stdout);
  }, 300_000);
  afterAll(() => {
    if (before === undefined) delete process.env.LATENTDRAW_HOME;
    else process.env.LATENTDRAW_HOME = before;
    tmp.remove();
  });

  test('a run with other data and the same last part of --out leaves A alone; A resumes from its own epoch', async () => {
    const b = await latentdrawTrain([
      '--data',
      DIGIT_DATA(),
      '--limit',
      '200',
      '--out',
      digits,
      ...SMALL,
      '--epochs',
      '2',
    ]);
    expect(b.code).toBe(0);
    expect(historyIn(catsCheckpoint)).toEqual([expect.objectContaining(catsFirstEpoch)]);

    const resumed = await latentdrawTrain([...catArgs(), '--epochs', '2', '--resume']);
    expect(resumed.stderr).toEqual([]);
    expect(resumed.code).toBe(0);
    // Only epoch 2 was trained: epoch 1 is A's own, with A's loss.
    expect(epochsOf(resumed.stdout).map((e) => e.epoch)).toEqual([2]);
    expect(historyIn(catsCheckpoint)[0]).toEqual(expect.objectContaining(catsFirstEpoch));
    const saved = JSON.parse(readFileSync(join(cats, 'latentdraw.json'), 'utf8')) as { dataset: { source: string } };
    expect(saved.dataset.source).toContain('cat.first3000.npy');
    // B's checkpoint is still whole, in a folder of its own.
    const folders = readdirSync(join(home, 'checkpoints'));
    expect(folders).toHaveLength(2);
    expect(folders.every((f) => f.startsWith('vae-'))).toBe(true);
  });

  test('a resume with other settings, model or data is refused, naming what differs; the checkpoint is kept', async () => {
    const history = historyIn(catsCheckpoint);
    const refused = async (extra: string[], args = catArgs()) => {
      const run = await latentdrawTrain([...args, '--epochs', '4', '--resume', ...extra]);
      expect(run.code).toBe(1);
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toContain(`the checkpoint in ${catsCheckpoint} belongs to another run`);
      return run.stderr[0];
    };
    expect(await refused(['--lr', '0.01'])).toContain(
      'the settings differ: learning rate 0.001 in the checkpoint, 0.01 now',
    );
    expect(await refused(['--latent', '3'])).toContain('the model differs: latent size 2 in the checkpoint, 3 now');
    const otherData = ['--data', DIGIT_DATA(), '--limit', '200', '--out', cats, ...SMALL];
    const message = await refused([], otherData);
    expect(message).toContain('the data differs: ');
    expect(message).toContain(`drawings from ${CAT_DATA()}`);
    expect(message).toContain(`${DIGIT_DATA()}`);
    expect(await refused([], [...catArgs().slice(0, 3), '150', ...catArgs().slice(4)])).toContain(
      'number of drawings 200 in the checkpoint, 150 now',
    );
    expect(historyIn(catsCheckpoint)).toEqual(history);
  });

  test("a killed run's checkpoint temporary is removed when a run starts there; a live writer's is kept", async () => {
    const live = idleProcess();
    try {
      const deadTemp = join(catsCheckpoint, `.epoch-00016.${await deadPid()}.tmp`);
      const liveTemp = join(catsCheckpoint, `.epoch-00003.${live.pid}.tmp`);
      for (const temp of [deadTemp, liveTemp]) {
        mkdirSync(temp);
        writeFileSync(join(temp, 'weights.bin'), Buffer.alloc(64 * 1024, 7));
      }
      const resumed = await latentdrawTrain([...catArgs(), '--epochs', '3', '--resume']);
      expect(resumed.code).toBe(0);
      expect(existsSync(deadTemp)).toBe(false);
      expect(existsSync(join(liveTemp, 'weights.bin'))).toBe(true);
    } finally {
      await killProcess(live);
    }
  });
});

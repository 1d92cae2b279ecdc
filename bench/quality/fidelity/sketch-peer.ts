/**
 * The PyTorch peer of the sketch fidelity benchmark: bench/peers/sketch_peer.py trains the twin
 * of one of LatentDraw's conv autoencoders (torch_models: ConvAe for conv-ae, StridedAe for
 * strided-ae) on the same training images, with the same code size, epochs, batch, optimiser,
 * learning rate, seed and denoising noise, in the same run, and
 * writes its reconstructions of the evaluation sets; they come back here to be scored beside the
 * studio's models. Debian's python3-torch on one thread, with OpenBLAS left to pick its own
 * kernels (this machine sets OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE; the child does without them).
 * A missing Python or torch is an outcome with its reason, not an error: the rest of the
 * benchmark runs without the peer.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bytesToUnit } from '../../../src/engine/data/raster/pixel-bytes';
import { CAT_AE_KIND, CAT_AE_SETTINGS } from './shipped-data';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import type { ModelKind } from '../../../src/engine/models/types';
import type { TrainSettings } from '../../../src/engine/train/settings';
import { DENOISING_STD } from '../../../src/engine/train/step/loss';
import { numberArg } from '../args';

export const SKETCH_PEER_SCRIPT = join(import.meta.dirname, '..', '..', 'peers', 'sketch_peer.py');
export const DEFAULT_PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
/** sketch_peer.py's exit status when torch or numpy cannot be imported. */
export const NO_TORCH_EXIT = 3;
/** The recipe and size of the peer's images: those of the shipped cat-ae it mirrors. */
export const PEER_RECIPE = 'quickdraw28';
export const PEER_IMAGE_SIZE = 28;

export const SKETCH_PEER_ERRORS = {
  noPython: (python: string) => `PyTorch peer not run: no Python at ${python} (PYTHON=… names another)`,
  noTorch: (python: string) =>
    `PyTorch peer not run: ${python} cannot import torch or numpy (on Debian: apt-get install python3-torch)`,
  failed: (code: number | null, tail: string) => `PyTorch peer failed (exit ${code}): ${tail}`,
  badOutput: (path: string, bytes: number, expected: number) =>
    `PyTorch peer wrote ${bytes} bytes to ${path}, expected ${expected}`,
  badLimit: (value: string) => `--sketch-peer-limit must be a whole number of training images above 0, not ${value}`,
  badEpochs: (value: string) => `--sketch-peer-epochs must be a whole number above 0, not ${value}`,
} as const;

/** The autoencoder kinds that have a PyTorch twin in bench/peers/torch_models.py. */
export const PEER_KINDS = ['conv-ae', 'strided-ae'] as const satisfies readonly ModelKind[];
export type PeerKind = (typeof PEER_KINDS)[number];
export const isPeerKind = (kind: string): kind is PeerKind => (PEER_KINDS as readonly string[]).includes(kind);

/** What the peer trains and how: the kind and code size of the model it mirrors, and its loop's settings. */
export type SketchPeerSettings = { kind: PeerKind; latentSize: number } & Pick<
  TrainSettings,
  'epochs' | 'batchSize' | 'learningRate' | 'optimizer' | 'seed' | 'denoising'
>;

/**
 * What the peer trains when resources/models holds no autoencoder cat model to mirror: the
 * shipped cat autoencoder's kind and settings. A model's own metadata wins.
 */
export const SKETCH_PEER_DEFAULTS: SketchPeerSettings = { kind: CAT_AE_KIND, ...CAT_AE_SETTINGS };

/** Overrides for short checks: fewer epochs, the first few training images, another Python. */
export interface SketchPeerOptions {
  epochs?: number;
  trainLimit?: number;
  python?: string;
}

/** `--sketch-peer [--sketch-peer-epochs N] [--sketch-peer-limit N]` of the quality bench. */
export function sketchPeerOptions(args: Map<string, string>): SketchPeerOptions | undefined {
  if (!args.has('sketch-peer')) return undefined;
  const whole = (name: string, message: (v: string) => string): number | undefined => {
    if (!args.has(name)) return undefined;
    const v = numberArg(args, name, NaN);
    if (!Number.isInteger(v) || v <= 0) throw new Error(message(args.get(name) ?? ''));
    return v;
  };
  return {
    epochs: whole('sketch-peer-epochs', SKETCH_PEER_ERRORS.badEpochs),
    trainLimit: whole('sketch-peer-limit', SKETCH_PEER_ERRORS.badLimit),
  };
}

export interface PeerEpoch {
  epoch: number;
  trainLoss: number;
  validationLoss: number;
  seconds: number;
}

export type SketchPeerOutcome =
  | {
      ok: true;
      settings: SketchPeerSettings;
      trainImages: number;
      history: PeerEpoch[];
      seconds: number;
      /** Reconstructions of each evaluation set, in order. */
      outputs: Float32Array[];
    }
  | { ok: false; reason: string };

export interface SketchPeerInput {
  data: TrainingData;
  /** Evaluation sets: PEER_IMAGE_SIZE² floats in [0, 1] per image. */
  sets: Float32Array[];
  settings: SketchPeerSettings;
  options?: SketchPeerOptions;
  log: (line: string) => void;
}

/** The child's environment: one thread, and OpenBLAS choosing its kernels itself. */
export function peerEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { OPENBLAS_CORETYPE: _core, OPENBLAS_L2_SIZE: _l2, ...rest } = env;
  return { ...rest, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' };
}

const bytesOf = (a: Float32Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

export async function runSketchPeer(input: SketchPeerInput): Promise<SketchPeerOutcome> {
  const { data, options = {} } = input;
  if (data.imageSize !== PEER_IMAGE_SIZE) throw new Error(`the sketch peer takes ${PEER_IMAGE_SIZE}-px images`);
  const settings = { ...input.settings, epochs: options.epochs ?? input.settings.epochs };
  const trainIndex = data.trainIndex.subarray(0, options.trainLimit ?? data.trainIndex.length);
  const python = options.python ?? DEFAULT_PYTHON;
  const temp = await mkdtemp(join(tmpdir(), 'ld-sketch-peer-'));
  try {
    const files = {
      images: join(temp, 'images.f32'),
      trainIndex: join(temp, 'train.i32'),
      validationIndex: join(temp, 'val.i32'),
    };
    // The peer reads [0, 1] floats, as the studio's models do.
    await writeFile(files.images, bytesOf(bytesToUnit(data.images)));
    await writeFile(files.trainIndex, bytesOf(trainIndex));
    await writeFile(files.validationIndex, bytesOf(data.validationIndex));
    const evalSets = await Promise.all(
      input.sets.map(async (images, i) => {
        const item = { input: join(temp, `eval-${i}.f32`), output: join(temp, `eval-${i}.out.f32`) };
        await writeFile(item.input, bytesOf(images));
        return item;
      }),
    );
    const config = {
      ...files,
      ...settings,
      imageSize: PEER_IMAGE_SIZE,
      noiseStd: DENOISING_STD,
      evalSets,
    };
    input.log(
      `PyTorch peer: ${settings.kind} twin (${settings.latentSize}-d), ${trainIndex.length} training images, ${settings.epochs} epochs, batch ${settings.batchSize}` +
        `${settings.denoising ? `, denoising σ ${DENOISING_STD}` : ''} (${python}, one thread)`,
    );
    const started = performance.now();
    const run = await spawnPeer(python, config, (e) =>
      input.log(
        `  torch epoch ${e.epoch}/${settings.epochs}: train ${e.trainLoss.toFixed(2)} val ${e.validationLoss.toFixed(2)} (${e.seconds.toFixed(0)} s)`,
      ),
    );
    if (!run.ok) return run;
    const outputs: Float32Array[] = [];
    for (const [i, item] of evalSets.entries()) {
      const bytes = await readFile(item.output);
      const expected = input.sets[i].length * 4;
      if (bytes.length !== expected)
        return { ok: false, reason: SKETCH_PEER_ERRORS.badOutput(item.output, bytes.length, expected) };
      outputs.push(new Float32Array(bytes.buffer, bytes.byteOffset, input.sets[i].length).slice());
    }
    return {
      ok: true,
      settings,
      trainImages: trainIndex.length,
      history: run.history,
      seconds: (performance.now() - started) / 1000,
      outputs,
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

type SpawnResult = { ok: true; history: PeerEpoch[] } | { ok: false; reason: string };

function spawnPeer(python: string, config: object, onEpoch: (e: PeerEpoch) => void): Promise<SpawnResult> {
  return new Promise((resolve) => {
    const child = spawn(python, [SKETCH_PEER_SCRIPT, JSON.stringify(config)], {
      cwd: join(SKETCH_PEER_SCRIPT, '..'),
      env: peerEnvironment(process.env),
    });
    const history: PeerEpoch[] = [];
    let pending = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      // Epoch lines are JSON; anything else a library prints on stdout is passed over.
      for (const line of lines.filter((l) => l.startsWith('{'))) {
        const epoch = JSON.parse(line) as PeerEpoch;
        history.push(epoch);
        onEpoch(epoch);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e: NodeJS.ErrnoException) =>
      resolve({ ok: false, reason: e.code === 'ENOENT' ? SKETCH_PEER_ERRORS.noPython(python) : e.message }),
    );
    child.on('close', (code) => {
      const tail = err.trim().split('\n').slice(-3).join(' | ');
      if (code === NO_TORCH_EXIT) resolve({ ok: false, reason: `${SKETCH_PEER_ERRORS.noTorch(python)}: ${tail}` });
      else if (code !== 0) resolve({ ok: false, reason: SKETCH_PEER_ERRORS.failed(code, tail) });
      else resolve({ ok: true, history });
    });
  });
}

import * as tf from '@tensorflow/tfjs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { replaceFolder, withFileLock, writeAtomic, writeDurable } from '../../fs/atomic';
import type { ModelMetadata } from '../../models/store/metadata';
import { loadModel, type LoadedModel, writeModelParts } from '../../models/store/store';
import type { LatentModel } from '../../models/types';
import { checkpointTempName } from './checkpoint-leftovers';
import { TRAIN_ERRORS } from '../errors';
import type { EpochSummary } from '../progress';
import type { TrainSettings } from '../settings';
import type { ResumePoint } from '../run/run-training';
import { identityDifferences, type RunIdentity } from './run-identity';
import { namedArraysOf, namedTensors, readWeights, type NamedArray } from '../trainer/snapshot';

export const LATEST_FILE = 'latest.json';
const STATE_FILE = 'state.json';
const OPTIMIZER_JSON = 'optimizer.json';
const OPTIMIZER_BIN = 'optimizer.bin';

export interface CheckpointState {
  epochsDone: number;
  step: number;
  settings: TrainSettings;
  history: EpochSummary[];
  /** The run's model, data and settings: a resume must match them. Absent in older checkpoints. */
  identity?: RunIdentity;
}

export interface Checkpoint extends LoadedModel {
  state: CheckpointState;
  optimizerWeights: { name: string; tensor: tf.Tensor }[];
}

const folderName = (epoch: number) => `epoch-${String(epoch).padStart(5, '0')}`;

/**
 * Writes one checkpoint: a complete model folder plus optimiser state, built in a temp folder,
 * renamed into place, then `latest.json` is switched to it atomically. Older checkpoints are
 * removed only after that, so a crash at any point leaves the last good one readable. Writes
 * into one folder by this process take their turn (and keep clear of its leftover cleanup).
 */
export async function writeCheckpoint(
  dir: string,
  model: LatentModel,
  metadata: ModelMetadata,
  optimizer: NamedArray[],
  state: CheckpointState & { identity: RunIdentity },
): Promise<string> {
  return withFileLock(dir, () => writeCheckpointNow(dir, model, metadata, optimizer, state));
}

async function writeCheckpointNow(
  dir: string,
  model: LatentModel,
  metadata: ModelMetadata,
  optimizer: NamedArray[],
  state: CheckpointState,
): Promise<string> {
  await mkdir(dir, { recursive: true });
  const name = folderName(state.epochsDone);
  const temp = join(dir, checkpointTempName(name));
  await rm(temp, { recursive: true, force: true });
  await mkdir(temp, { recursive: true });
  await writeModelParts(model, temp, metadata);
  const weights = namedTensors(optimizer);
  const encoded = await tf.io.encodeWeights(weights);
  tf.dispose(weights.map((w) => w.tensor));
  await writeDurable(join(temp, OPTIMIZER_BIN), new Uint8Array(tf.io.CompositeArrayBuffer.join(encoded.data)));
  await writeDurable(join(temp, OPTIMIZER_JSON), JSON.stringify(encoded.specs));
  await writeDurable(join(temp, STATE_FILE), JSON.stringify(state));
  const target = join(dir, name);
  await replaceFolder(temp, target);
  await writeAtomic(join(dir, LATEST_FILE), JSON.stringify({ checkpoint: name }));
  for (const entry of await readdir(dir)) {
    if (entry.startsWith('epoch-') && entry !== name) await rm(join(dir, entry), { recursive: true, force: true });
  }
  return target;
}

/** `dir` is either a checkpoint folder (holding latest.json) or one epoch folder. */
export async function resolveCheckpoint(dir: string): Promise<string> {
  try {
    const latest = JSON.parse(await readFile(join(dir, LATEST_FILE), 'utf8')) as { checkpoint?: unknown };
    if (typeof latest.checkpoint === 'string') return join(dir, basename(latest.checkpoint));
  } catch {
    // not a checkpoint root: maybe an epoch folder itself
  }
  return dir;
}

export async function readCheckpoint(dir: string): Promise<Checkpoint> {
  const folder = await resolveCheckpoint(dir);
  let state: CheckpointState;
  let specs: tf.io.WeightsManifestEntry[];
  let bin: Buffer;
  try {
    state = JSON.parse(await readFile(join(folder, STATE_FILE), 'utf8')) as CheckpointState;
    specs = JSON.parse(await readFile(join(folder, OPTIMIZER_JSON), 'utf8')) as tf.io.WeightsManifestEntry[];
    bin = await readFile(join(folder, OPTIMIZER_BIN));
  } catch (error) {
    throw new Error(`${TRAIN_ERRORS.badCheckpoint}: ${folder}`, {
      cause: error,
    });
  }
  const loaded = await loadModel(folder);
  const buffer = bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer;
  const map = tf.io.decodeWeights(buffer, specs);
  const optimizerWeights = specs.map((s) => ({
    name: s.name,
    tensor: map[s.name],
  }));
  return { ...loaded, state, optimizerWeights };
}

/** Refuses a checkpoint that another run (other model, data or settings) wrote, saying what differs. */
function checkSameRun(dir: string, saved: RunIdentity | undefined, now: RunIdentity): void {
  if (saved === undefined) throw new Error(TRAIN_ERRORS.resumeUnrecorded(dir));
  const differences = identityDifferences(saved, now);
  if (differences !== undefined) throw new Error(TRAIN_ERRORS.resumeMismatch(dir, differences));
}

/**
 * The checkpoint in `dir` as a resume point (plain arrays, for a trainer on any thread) of
 * the run `identity`, with its metadata; every tensor read here is freed again.
 */
export async function readResumePoint(
  dir: string,
  identity: RunIdentity,
): Promise<{ point: ResumePoint; metadata: Checkpoint['metadata'] }> {
  const ckpt = await readCheckpoint(dir);
  try {
    checkSameRun(dir, ckpt.state.identity, identity);
    const { epochsDone, step, history } = ckpt.state;
    return {
      point: {
        weights: await readWeights(ckpt.model),
        optimizer: await namedArraysOf(ckpt.optimizerWeights),
        state: { epochsDone, step, history },
      },
      metadata: ckpt.metadata,
    };
  } finally {
    ckpt.model.dispose();
    tf.dispose(ckpt.optimizerWeights.map((w) => w.tensor));
  }
}

import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { selectBackend } from '../../src/engine/backend/select';
import { loadTrainingData } from '../../src/engine/data/training-data';
import { saveModel } from '../../src/engine/models/store/store';
import type { ModelKind } from '../../src/engine/models/types';
import { train } from '../../src/engine/train/job/run-in-process';
import { sharedData } from './shared-data';

/**
 * Small models trained for real on MNIST (t10k) with the engine's own code, for tests that need
 * a model that has learned something (a latent grid of digit-like blobs, not noise). Training
 * takes a few seconds on wasm; the results are cached in the temp folder across test runs,
 * keyed by TINY_MODELS_VERSION, and copied into each test's data home.
 */
export const TINY_MODELS_VERSION = 2;

export interface TinyModelSpec {
  /** Folder name under models/: the model id is `user:NAME`. */
  name: string;
  kind: ModelKind;
  latentSize: number;
  hiddenSize: number;
  epochs: number;
  /** Training data under ../shared/data (default: MNIST t10k images). */
  source?: string;
  /** Drawings trained on (default TINY_SAMPLE_COUNT) and the split's seed (default 1; null: the loader's own). */
  count?: number;
  dataSeed?: number | null;
  batchSize?: number;
  /** The name the model picker shows (default: the trainer's). */
  title?: string;
}

/** A 2-d MLP VAE (the Keras note's 784-256-2) and a conditional VAE with a 4-d latent. */
export const TINY_MODELS = {
  vae: { name: 'tiny-vae', kind: 'mlp-vae', latentSize: 2, hiddenSize: 256, epochs: 8 },
  cvae: { name: 'tiny-cvae', kind: 'cvae', latentSize: 4, hiddenSize: 256, epochs: 5 },
  /** 25 Quick, Draw! cats with their strokes: for views that load a dataset item onto the canvas. */
  sketch: {
    name: 'tiny-sketch-vae',
    kind: 'mlp-vae',
    latentSize: 2,
    hiddenSize: 64,
    epochs: 40,
    source: 'quickdraw/simplified-ndjson/cat.ndjson',
  },
  /**
   * The studio's MLP VAE (784-256-2) trained for 12 epochs on all 10,000 MNIST t10k digits:
   * recognisable reconstructions, for the e2e tests and the UI bench (a few minutes, once).
   */
  mnist: {
    name: 'mnist-vae-fixture',
    kind: 'mlp-vae',
    latentSize: 2,
    hiddenSize: 256,
    epochs: 12,
    count: 10_000,
    dataSeed: null,
    batchSize: 100,
    title: 'MNIST VAE (test fixture)',
  },
} as const satisfies Record<string, TinyModelSpec>;

export type TinyModelName = keyof typeof TINY_MODELS;

/** MNIST digits used for training (and loaded again by the explore views through the metadata). */
export const TINY_SAMPLE_COUNT = 3000;

const cacheRoot = join(tmpdir(), `latentdraw-tiny-models-v${TINY_MODELS_VERSION}`);

export function mnistImagesPath(): string {
  return sharedData('mnist/t10k-images-idx3-ubyte.gz');
}

async function trainInto(spec: TinyModelSpec, folder: string): Promise<void> {
  await selectBackend({ only: 'wasm' });
  const source = spec.source ? sharedData(spec.source) : mnistImagesPath();
  const seed = spec.dataSeed === null ? undefined : (spec.dataSeed ?? 1);
  const data = await loadTrainingData(source, 'quickdraw28', { limit: spec.count ?? TINY_SAMPLE_COUNT, seed });
  const result = await train(data, spec.kind, {
    epochs: spec.epochs,
    batchSize: spec.batchSize ?? 64,
    latentSize: spec.latentSize,
    hiddenSize: spec.hiddenSize,
    learningRate: 2e-3,
    seed: 7,
  });
  try {
    await saveModel(result.model, folder, spec.title ? { ...result.metadata, name: spec.title } : result.metadata);
  } finally {
    result.model.dispose();
  }
}

function specKey(spec: TinyModelSpec): string {
  return createHash('sha256').update(JSON.stringify(spec)).digest('hex').slice(0, 10);
}

/** The cached folder of one tiny model, training it first when the cache lacks it. */
export async function tinyModelFolder(name: TinyModelName): Promise<string> {
  const spec: TinyModelSpec = TINY_MODELS[name];
  // Keyed by the spec too, so changing a model's settings retrains it instead of reusing it.
  const folder = join(cacheRoot, `${spec.name}-${specKey(spec)}`, spec.name);
  if (existsSync(join(folder, 'latentdraw.json'))) return folder;
  mkdirSync(dirname(folder), { recursive: true });
  const temp = join(dirname(folder), `.${spec.name}-${process.pid}-${Date.now()}`);
  await trainInto(spec, temp);
  // Another test file may have finished the same model meanwhile: keep whichever came first.
  if (existsSync(join(folder, 'latentdraw.json'))) rmSync(temp, { recursive: true, force: true });
  else renameSync(temp, folder);
  return folder;
}

/** Copies tiny models into `<dataHome>/models/` and returns their ids (`user:NAME`). */
export async function seedTinyModels(
  dataHome: string,
  names: TinyModelName[] = ['vae', 'cvae'],
): Promise<Record<TinyModelName, string>> {
  const ids = {} as Record<TinyModelName, string>;
  for (const name of names) {
    const source = await tinyModelFolder(name);
    const target = join(dataHome, 'models', TINY_MODELS[name].name);
    mkdirSync(join(dataHome, 'models'), { recursive: true });
    cpSync(source, target, { recursive: true });
    ids[name] = `user:${TINY_MODELS[name].name}`;
  }
  return ids;
}

/** The MNIST VAE of the e2e tests, in the cache: its folder name is FIXTURE_NAME. */
export const FIXTURE_NAME = TINY_MODELS.mnist.name;

export function ensureFixtureModel(): Promise<string> {
  return tinyModelFolder('mnist');
}

// `npx tsx tests/helpers/tiny-models.ts` trains every tiny model ahead of the tests.
if (process.argv[1]?.endsWith('tiny-models.ts')) {
  const started = Date.now();
  (async () => {
    for (const name of Object.keys(TINY_MODELS) as TinyModelName[]) console.log(await tinyModelFolder(name));
  })().then(
    () => console.log(`tiny models ready (${((Date.now() - started) / 1000).toFixed(1)} s)`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}

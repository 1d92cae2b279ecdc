/**
 * The judge: a small CNN that reads a 28×28 digit (conv 16 → pool → conv 32 → pool → dense 64
 * → 10), trained on MNIST digits the scored models hold out too, so neither has seen the
 * digits it is scored on. It is trained with the same small random shifts, slants and scales
 * as the models, so it reads a drawn digit as well as a scanned one. It is cached under
 * bench/quality/out/judge with what it was trained on, and retrained when that changes.
 */
import * as tf from '@tensorflow/tfjs';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { augmentDigits, DIGIT_AUGMENT } from '../../../src/engine/data/raster/augment';
import { seededRandom } from '../../../src/engine/data/split';
import { fileLoadHandler, fileSaveHandler } from '../../../src/engine/models/store/fs-io';

export interface Judge {
  /** The most likely digit of each image (count × 784 in [0, 1]). */
  read(images: Float32Array, count: number): Int32Array;
  dispose(): void;
}

export interface JudgeTraining {
  images: Float32Array;
  labels: Int32Array;
  /** Indexes of the images to train on. */
  trainIndex: Int32Array;
  epochs?: number;
  seed?: number;
  log?: (line: string) => void;
}

function build(seed: number): tf.Sequential {
  const init = (k: number) => tf.initializers.glorotUniform({ seed: seed * 10 + k });
  return tf.sequential({
    layers: [
      tf.layers.reshape({ targetShape: [28, 28, 1], inputShape: [784] }),
      tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.maxPooling2d({ poolSize: 2 }),
      tf.layers.flatten(),
      tf.layers.dense({ units: 64, activation: 'relu', kernelInitializer: init(3) }),
      tf.layers.dense({ units: 10, activation: 'softmax', kernelInitializer: init(4) }),
    ],
  });
}

function wrap(model: tf.LayersModel): Judge {
  return {
    read(images, count) {
      const out = new Int32Array(count);
      const chunk = 500;
      for (let start = 0; start < count; start += chunk) {
        const end = Math.min(start + chunk, count);
        const best = tf.tidy(() => {
          const x = tf.tensor2d(images.subarray(start * 784, end * 784), [end - start, 784]);
          return (model.predict(x) as tf.Tensor2D).argMax(1);
        });
        out.set(best.dataSync() as Int32Array, start);
        best.dispose();
      }
      return out;
    },
    dispose: () => model.dispose(),
  };
}

/**
 * Trains the judge on one original and one augmented copy of every training digit, in a
 * seeded order (tfjs's own shuffle is not seeded).
 */
async function trainJudge(opts: JudgeTraining): Promise<tf.LayersModel> {
  const seed = opts.seed ?? 1;
  const n = opts.trainIndex.length;
  const images = new Float32Array(2 * n * 784);
  const labels = new Int32Array(2 * n);
  opts.trainIndex.forEach((src, i) => {
    images.set(opts.images.subarray(src * 784, (src + 1) * 784), i * 784);
    labels[i] = opts.labels[src];
    labels[n + i] = opts.labels[src];
  });
  augmentDigits(images.subarray(0, n * 784), n, 28, seed, images.subarray(n * 784));
  const model = build(seed);
  model.compile({ optimizer: tf.train.adam(1e-3), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const random = seededRandom(seed);
  const epochs = opts.epochs ?? 4;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const order = Array.from({ length: 2 * n }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const xs = new Float32Array(2 * n * 784);
    const ys = new Int32Array(2 * n);
    order.forEach((src, i) => {
      xs.set(images.subarray(src * 784, (src + 1) * 784), i * 784);
      ys[i] = labels[src];
    });
    const x = tf.tensor2d(xs, [2 * n, 784]);
    const y = tf.tidy(() => tf.oneHot(tf.tensor1d(ys, 'int32'), 10).toFloat());
    const h = await model.fit(x, y, { epochs: 1, batchSize: 64, shuffle: false, verbose: 0 });
    tf.dispose([x, y]);
    const acc = h.history.acc?.[0] as number | undefined;
    opts.log?.(`  judge epoch ${epoch + 1}/${epochs}: training accuracy ${((acc ?? 0) * 100).toFixed(2)} %`);
  }
  return model;
}

/**
 * What a cached judge was trained on: a judge made from other data or settings is retrained. The
 * pixels and labels are hashed, since some of them are drawn by code (styled digits) that can
 * change while the counts stay the same.
 */
function trainingKey(opts: JudgeTraining): string {
  const first = Array.from(opts.trainIndex.subarray(0, 8)).join(',');
  const hash = createHash('sha256');
  for (const a of [opts.images, opts.labels, opts.trainIndex])
    hash.update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
  return JSON.stringify({
    train: opts.trainIndex.length,
    data: hash.digest('hex'),
    first,
    seed: opts.seed ?? 1,
    epochs: opts.epochs ?? 4,
    augment: DIGIT_AUGMENT,
  });
}

/** The cached judge in `folder` if it was trained the same way, or one trained now and saved there. */
export async function loadOrTrainJudge(folder: string, opts: JudgeTraining): Promise<Judge> {
  const keyFile = join(folder, 'trained-on.json');
  const key = trainingKey(opts);
  if (existsSync(join(folder, 'model.json')) && existsSync(keyFile) && readFileSync(keyFile, 'utf8') === key)
    return wrap(await tf.loadLayersModel(fileLoadHandler(folder)));
  const model = await trainJudge(opts);
  await mkdir(folder, { recursive: true });
  await model.save(fileSaveHandler(folder));
  await writeFile(keyFile, key);
  return wrap(model);
}

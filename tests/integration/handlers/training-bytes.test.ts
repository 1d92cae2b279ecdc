/**
 * A studio training run end to end in the engine, with the trainer it hands the run to watched:
 * the drawings cross as bytes (the sample file's own), the model still learns from them, and
 * the validation split feeds the per-epoch pictures and the live latent map.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseNpyHeader } from '../../../src/engine/data/formats/npy';
import { startEngine, type Engine } from '../../../src/engine/engine';
import type { TrainerStart, ToTrainer } from '../../../src/engine/train/trainer/protocol';
import { threadTrainers, type TrainerProvider } from '../../../src/engine/train/trainer/providers';
import { unwrap } from '../../../src/shared/contract/envelope';
import type { TrainingDoneEvent, TrainingEpochEvent } from '../../../src/shared/contract/training';
import { tempDir } from '../../helpers/temp-folder';
import { rmSync } from 'node:fs';

const RESOURCES = resolve(import.meta.dirname, '../../../resources');
const SAMPLE = join(RESOURCES, 'data/cat.first3000.npy');
const COUNT = 900;

/** Threads, as in plain Node, with every start message kept as the trainer was sent it. */
function watchedTrainers(starts: TrainerStart[]): TrainerProvider {
  const threads = threadTrainers();
  return {
    backends: (report) => threads.backends(report),
    async open(backend) {
      const link = await threads.open(backend);
      return {
        ...link,
        post(message: ToTrainer) {
          if (message.type === 'start') starts.push(message);
          link.post(message);
        },
      };
    },
  };
}

describe('a training run on sample drawings', () => {
  const starts: TrainerStart[] = [];
  const events: Array<{ name: string; payload: unknown }> = [];
  let home: string;
  let engine: Engine;

  beforeAll(async () => {
    home = tempDir('training-bytes');
    engine = await startEngine(
      { dataHome: home, resourcesDir: RESOURCES, backend: 'wasm' },
      (name, payload) => void events.push({ name, payload }),
      watchedTrainers(starts),
    );
  });
  afterAll(() => rmSync(home, { recursive: true, force: true }));

  test('sends the trainer bytes, converges, and maps the validation codes every epoch', async () => {
    const run = unwrap(
      await engine.handle('training:start', {
        source: 'sample:cat.first3000.npy',
        kind: 'mlp-vae',
        modelName: 'bytes-cat',
        limit: COUNT,
        settings: {
          epochs: 4,
          batchSize: 50,
          learningRate: 0.001,
          optimizer: 'adam',
          beta: 1,
          latentSize: 2,
          hiddenSize: 128,
          validationShare: 0.1,
          seed: 1,
          workers: 2,
        },
      }),
    ) as { runId: string };
    let done: TrainingDoneEvent | undefined;
    for (const deadline = Date.now() + 240_000; !done && Date.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 50));
      done = events.find((e) => e.name === 'training:done')?.payload as TrainingDoneEvent | undefined;
    }
    expect(done).toMatchObject({ runId: run.runId, status: 'completed', epochsDone: 4 });

    // What crossed to the trainer: the file's bytes, exactly its rows, nothing as floats.
    const { data } = starts[0];
    expect(data.images).toBeInstanceOf(Uint8Array);
    const file = readFileSync(SAMPLE);
    const { dataOffset } = parseNpyHeader(file, SAMPLE);
    expect(Buffer.from(data.images).equals(file.subarray(dataOffset, dataOffset + COUNT * 784))).toBe(true);

    const epochs = events
      .filter((e) => e.name === 'training:progress' && (e.payload as { type: string }).type === 'epoch')
      .map((e) => e.payload as TrainingEpochEvent);
    expect(epochs.map((e) => e.epoch)).toEqual([1, 2, 3, 4]);
    // It learns from bytes as it did from floats: the held-out loss falls.
    expect(epochs[3].validationLoss).toBeLessThan(epochs[0].validationLoss * 0.97);
    // The pictures of validation drawings are their bytes / 255, as floats for the view.
    const shown = data.validationIndex[0];
    expect(Array.from(epochs[0].originals[0])).toEqual(
      Array.from(data.images.subarray(shown * 784, (shown + 1) * 784), (b) => Math.fround(b / 255)),
    );
    // The live map holds every validation drawing's code (90 of 900), finite, each epoch.
    for (const e of epochs) {
      expect(e.latentMap?.x).toHaveLength(data.validationIndex.length);
      expect(Array.from(e.latentMap!.x).every(Number.isFinite)).toBe(true);
    }
  });
});

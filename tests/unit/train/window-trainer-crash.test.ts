/**
 * The engine's side of a GPU run whose trainer window dies, and of the cap on what a run sends
 * to that window. The window is a trainer core on the other end of an in-memory port.
 */
import { describe, expect, test } from 'vitest';
import type { TrainingData } from '../../../src/engine/data/training-data.types';
import { runOnTrainer } from '../../../src/engine/train/job/run-on-trainer';
import { resolveSettings } from '../../../src/engine/train/resolve-settings';
import { TRAINER_ERRORS, type TrainerStart } from '../../../src/engine/train/trainer/protocol';
import { CRASH_NOTICE_WAIT_MS, windowTrainers } from '../../../src/engine/train/trainer/providers';
import { WINDOW_DATA_CAP_BYTES, WINDOW_PAYLOAD_ERRORS } from '../../../src/engine/train/trainer/window-payload';
import { mnistDigits } from '../../helpers/digits';
import { fakeWindowPort, type FakeWindowPort } from '../../helpers/fake-window-port';
import { useBackend } from '../../helpers/tf';

const gpuRun = (data: TrainingData, epochs = 2): TrainerStart => ({
  type: 'start',
  kind: 'mlp-vae',
  settings: resolveSettings({ epochs, batchSize: 3, hiddenSize: 32, workers: 1, backend: 'webgpu' }, 'mlp-vae'),
  data,
  allowSoftware: false,
});

describe('a GPU run whose trainer window dies', () => {
  test("fails with main's reason and the epochs whose checkpoints are kept; the next run gets a new port", async () => {
    await useBackend('cpu');
    const ports: FakeWindowPort[] = [];
    const trainers = windowTrainers(async () => {
      ports.push(fakeWindowPort());
      return ports[ports.length - 1];
    });
    const data = await mnistDigits(12, 0.25);
    const link = await trainers.open('webgpu');
    const checkpoints: number[] = [];
    const run = runOnTrainer(link, gpuRun(data, 3), {
      onEpoch: async (p) => {
        checkpoints.push(p.epoch);
        // The window's renderer runs out of memory while the engine writes epoch 1's checkpoint.
        if (p.epoch === 1) {
          ports[0].die();
          trainers.windowGone('oom');
        }
      },
    });
    await expect(run).rejects.toThrow(TRAINER_ERRORS.stopped(TRAINER_ERRORS.crashed('oom'), 1));
    expect(checkpoints).toEqual([1]);
    await link.close();
    const next = await trainers.open('webgpu');
    await expect(runOnTrainer(next, gpuRun(data, 1))).resolves.toMatchObject({ status: 'completed' });
    await next.close();
    expect(ports).toHaveLength(2);
  });

  test("main's word may come after the port has closed: the reason still names the crash", async () => {
    await useBackend('cpu');
    const port = fakeWindowPort();
    const trainers = windowTrainers(async () => port);
    const link = await trainers.open('webgpu');
    const run = runOnTrainer(link, gpuRun(await mnistDigits(12, 0.25)), {
      onStarted: () => {
        port.die();
        setTimeout(() => trainers.windowGone('crashed'), CRASH_NOTICE_WAIT_MS / 10);
      },
    });
    await expect(run).rejects.toThrow(TRAINER_ERRORS.stopped(TRAINER_ERRORS.crashed('crashed'), 0));
    await link.close();
  });

  test('a window that closes with no word from main fails the run as closed, once the wait is over', async () => {
    await useBackend('cpu');
    const port = fakeWindowPort();
    const trainers = windowTrainers(async () => port);
    const link = await trainers.open('webgpu');
    const started = performance.now();
    const run = runOnTrainer(link, gpuRun(await mnistDigits(12, 0.25)), { onStarted: () => port.die() });
    await expect(run).rejects.toThrow(TRAINER_ERRORS.stopped(TRAINER_ERRORS.windowClosed, 0));
    expect(performance.now() - started).toBeGreaterThanOrEqual(CRASH_NOTICE_WAIT_MS - 50);
    await link.close();
  });

  test('a crash notice with no run open is nothing to fail', () => {
    const trainers = windowTrainers(async () => fakeWindowPort());
    expect(() => trainers.windowGone('crashed')).not.toThrow();
  });
});

describe('what a GPU run sends to the trainer window', () => {
  test('data over the cap is refused, with its size, the cap and how many drawings fit, before it is sent', async () => {
    const count = Math.ceil(WINDOW_DATA_CAP_BYTES / 784) + 1;
    // Zero-filled and never written: the pages are not touched, so this costs no real memory.
    const data: TrainingData = {
      source: 'big.npy',
      recipe: 'quickdraw28',
      imageSize: 28,
      count,
      images: new Uint8Array(count * 784),
      labels: new Int32Array(count),
      classNames: ['cat'],
      trainIndex: new Int32Array(count),
      validationIndex: new Int32Array(0),
    };
    const port = fakeWindowPort();
    const link = await windowTrainers(async () => port).open('webgpu');
    await expect(runOnTrainer(link, gpuRun(data))).rejects.toThrow(
      WINDOW_PAYLOAD_ERRORS.tooBig(count * 792, WINDOW_DATA_CAP_BYTES, Math.floor(WINDOW_DATA_CAP_BYTES / 792)),
    );
    expect(port.starts).toBe(0);
    await link.close();
  });
});

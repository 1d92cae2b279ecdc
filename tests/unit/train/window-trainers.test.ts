/**
 * The engine's side of the desktop app's GPU trainer, with the window replaced by the same
 * trainer core on the other end of an in-memory port: probes and GPU runs go through the port
 * main hands over, the rest stay on threads.
 */
import { describe, expect, test } from 'vitest';
import { defaultTrainingBackend, type BackendReport, type BackendStatus } from '../../../src/shared/types/backend';
import { runOnTrainer } from '../../../src/engine/train/job/run-on-trainer';
import { resolveSettings } from '../../../src/engine/train/resolve-settings';
import { windowTrainers } from '../../../src/engine/train/trainer/providers';
import { TRAINING_DEFAULTS, trainingSettingsSchema } from '../../../src/shared/contract/training-settings';
import { mnistDigits } from '../../helpers/digits';
import { fakeWindowPort } from '../../helpers/fake-window-port';
import { useBackend } from '../../helpers/tf';

const NO_WEBGPU: BackendStatus[] = [
  { name: 'webgpu', available: false, reason: 'software adapter only (google, swiftshader)' },
  { name: 'webgl', available: true },
];

/** The window, played by the same trainer core on the other end of an in-memory port. */
const windowPort = (probed: BackendStatus[] = NO_WEBGPU) => fakeWindowPort(probed);

const report: BackendReport = {
  backend: 'wasm',
  tfBackend: 'wasm',
  statuses: [
    { name: 'tensorflow-gpu', available: false, reason: 'not installed' },
    { name: 'tensorflow', available: false, reason: 'not installed' },
    { name: 'wasm', available: true },
    { name: 'cpu', available: true, reason: 'not tried: a better backend was chosen' },
  ],
};

describe('GPU runs in a trainer window', () => {
  test("lists the window's WebGPU verdict in its place, and WebGL beside it where WebGPU is missing", async () => {
    const asked: Array<string | undefined> = [];
    const trainers = windowTrainers(async (backend) => {
      asked.push(backend);
      return windowPort();
    });
    const backends = await trainers.backends(report);
    expect(backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'webgl', 'tensorflow', 'wasm', 'cpu']);
    expect(backends[1]).toMatchObject({ available: false, reason: 'software adapter only (google, swiftshader)' });
    expect(backends[2]).toEqual({ name: 'webgl', available: true });
    expect(asked).toHaveLength(1);
    // Offered, never the default: a run that names no backend stays on the engine's own.
    expect(defaultTrainingBackend(backends)).toBe('wasm');
  });

  test('where the window has WebGPU, or no WebGL either, WebGL is not listed', async () => {
    const gpu = { name: 'webgpu', available: true } as const;
    const withWebgpu = await windowTrainers(async () => windowPort([gpu, { name: 'webgl', available: true }])).backends(
      report,
    );
    expect(withWebgpu.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    expect(defaultTrainingBackend(withWebgpu)).toBe('webgpu');
    const neither = await windowTrainers(async () =>
      windowPort([NO_WEBGPU[0], { name: 'webgl', available: false, reason: 'no WebGL2 context' }]),
    ).backends(report);
    expect(neither.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
  });

  test('a webgl run is asked of the window by name, and the contract lets a page ask for it', async () => {
    const asked: Array<string | undefined> = [];
    const trainers = windowTrainers(async (backend) => {
      asked.push(backend);
      return windowPort();
    });
    await (await trainers.open('webgl')).close();
    expect(asked).toEqual(['webgl']);
    expect(trainingSettingsSchema.parse({ ...TRAINING_DEFAULTS, backend: 'webgl' }).backend).toBe('webgl');
  });

  test('a webgpu run goes through a port to the window and comes back with its weights', async () => {
    await useBackend('cpu');
    const asked: Array<string | undefined> = [];
    const trainers = windowTrainers(async (backend) => {
      asked.push(backend);
      return windowPort();
    });
    const data = await mnistDigits(12, 0.25);
    const link = await trainers.open('webgpu');
    const epochs: number[] = [];
    const outcome = await runOnTrainer(
      link,
      {
        type: 'start',
        kind: 'mlp-vae',
        settings: resolveSettings(
          { epochs: 2, batchSize: 3, hiddenSize: 32, workers: 1, backend: 'webgpu' },
          'mlp-vae',
        ),
        data,
        allowSoftware: false,
      },
      { onEpoch: async (p) => void epochs.push(p.epoch) },
    );
    await link.close();
    expect(asked).toEqual(['webgpu']);
    expect(outcome).toMatchObject({ status: 'completed', backend: 'webgl' });
    expect(epochs).toEqual([1, 2]);
    expect(outcome.weights?.encoder.length).toBeGreaterThan(0);
  });

  test('a wasm run stays on a thread: no window is asked for', async () => {
    const asked: Array<string | undefined> = [];
    const trainers = windowTrainers(async (backend) => {
      asked.push(backend);
      return windowPort();
    });
    const link = await trainers.open('wasm');
    await link.close();
    expect(asked).toEqual([]);
  });
});

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { EngineSupervisor } from '../../../src/host/supervisor';
import { unwrap } from '../../../src/shared/contract/envelope';
import type { EngineChannelName, EventName } from '../../../src/shared/contract/index';
import type { DatasetInfo } from '../../../src/shared/contract/datasets';
import type { TrainingDoneEvent } from '../../../src/shared/contract/training';
import { sourceEngineSupervisor } from '../../helpers/engine';
import { fingerprint } from '../../helpers/fingerprint';
import { sharedData } from '../../helpers/shared-data';

async function call<T>(supervisor: EngineSupervisor, channel: EngineChannelName, payload: unknown): Promise<T> {
  return unwrap(await supervisor.request(channel, payload)) as T;
}

function nextEvent<T>(
  supervisor: EngineSupervisor,
  name: EventName,
  match: (p: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const off = supervisor.onEvent((event, payload) => {
      if (event === name && match(payload as T)) {
        off();
        resolve(payload as T);
      }
    });
  });
}

async function killAndRecover(supervisor: EngineSupervisor): Promise<void> {
  const pid = supervisor.pid!;
  process.kill(pid, 'SIGKILL');
  await expect.poll(() => supervisor.status.restarts, { timeout: 30_000 }).toBeGreaterThan(0);
  await supervisor.whenReady();
  expect(supervisor.pid).not.toBe(pid);
}

describe('SIGKILL of the engine mid-work loses nothing', () => {
  let supervisor: EngineSupervisor | undefined;
  afterEach(() => supervisor?.stop());

  test('in the middle of an import: earlier datasets stay byte-identical, no half dataset appears', async () => {
    const started = sourceEngineSupervisor();
    supervisor = started.supervisor;
    supervisor.start();
    await supervisor.whenReady();
    const cats = sharedData('quickdraw/simplified-ndjson/cat.ndjson');
    await call(supervisor, 'datasets:import-paths', { paths: [cats], names: ['cat.ndjson'], name: 'cats' });
    const datasetsDir = join(started.dataHome, 'datasets');
    const before = fingerprint(datasetsDir);

    const big = sharedData('fashion-mnist/train-images-idx3-ubyte.gz');
    const progress = nextEvent(supervisor, 'datasets:import-progress');
    const importing = supervisor.request('datasets:import-paths', {
      paths: [big],
      names: ['fashion.gz'],
      name: 'fashion',
    });
    await progress;
    await killAndRecover(supervisor);
    expect((await importing).ok).toBe(false);

    const datasets = await call<DatasetInfo[]>(supervisor, 'datasets:list', {});
    expect(datasets.map((d) => d.name)).toEqual(['cats']);
    const after = fingerprint(datasetsDir);
    for (const [file, hash] of Object.entries(before)) expect(after[file], file).toBe(hash);
  });

  test('in the middle of training: the last checkpoint survives and training resumes from it', async () => {
    const started = sourceEngineSupervisor();
    supervisor = started.supervisor;
    supervisor.start();
    await supervisor.whenReady();
    const mnist = sharedData('mnist/t10k-images-idx3-ubyte.gz');
    const imported = await call<{ dataset: DatasetInfo }>(supervisor, 'datasets:import-paths', {
      paths: [mnist],
      names: ['mnist.gz'],
      limit: 1000,
    });
    const settings = {
      epochs: 6,
      batchSize: 50,
      learningRate: 1e-3,
      optimizer: 'adam',
      beta: 1,
      latentSize: 2,
      hiddenSize: 64,
      validationShare: 0.1,
      seed: 3,
    };
    const request = { source: imported.dataset.id, kind: 'mlp-vae', modelName: 'survivor', settings };
    const firstEpoch = nextEvent<{ type: string; epoch?: number }>(
      supervisor,
      'training:progress',
      (p) => p.type === 'epoch',
    );
    await call(supervisor, 'training:start', request);
    await firstEpoch;
    const latest = join(started.dataHome, 'checkpoints', 'survivor', 'latest.json');
    await expect.poll(() => existsSync(latest), { timeout: 10_000 }).toBe(true);
    await killAndRecover(supervisor);
    expect(existsSync(latest)).toBe(true);

    const done = nextEvent<TrainingDoneEvent>(supervisor, 'training:done');
    await call(supervisor, 'training:start', { ...request, resume: true });
    const result = await done;
    expect(result.status).toBe('completed');
    expect(result.epochsDone).toBe(6);
    expect(existsSync(join(started.dataHome, 'models', 'survivor', 'latentdraw.json'))).toBe(true);
  });
});

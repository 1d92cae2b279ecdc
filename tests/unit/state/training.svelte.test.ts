import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof fakeStudioApi> }));
vi.mock('../../../src/renderer/src/lib/studio', () => ({
  get studio() {
    return fake.current.api;
  },
  hostKind: 'browser',
}));
stubAnimationFrame();
const { TrainingState, TRAINING_UI_ERRORS } = await import('../../../src/renderer/src/state/training.svelte');

describe('TrainingState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('refuses a bad model name before asking the engine; a restart mid-run is reported', async () => {
    const training = new TrainingState();
    training.form.modelName = 'no spaces allowed!';
    await training.start();
    expect(training.error).toBe(TRAINING_UI_ERRORS.badName);
    expect(fake.current.call('training.start')).not.toHaveBeenCalled();
    training.run = { runId: 'run-1', modelName: 'm', kind: 'mlp-vae', source: 's', startedAt: '' };
    training.watchEngine({ state: 'restarting', restarts: 1 });
    expect([training.running, training.error]).toEqual([false, TRAINING_UI_ERRORS.engineRestarted(0)]);
  });

  test('refresh reads sources and picks the first when the form names none', async () => {
    const training = new TrainingState();
    fake.current.call('training.sources').mockResolvedValue([{ id: 'dataset:a', name: 'a' }]);
    fake.current.call('training.capabilities').mockResolvedValue({ backends: [] });
    fake.current.call('training.status').mockResolvedValue(null);
    await training.refresh();
    expect([training.form.source, training.error]).toEqual(['dataset:a', undefined]);
  });
});

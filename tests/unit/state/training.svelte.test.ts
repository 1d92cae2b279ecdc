import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { trainingCapabilities, trainingRun, trainingSource } from '../../helpers/studio-answers';
import { TRAINING_DEFAULTS } from '../../../src/shared/contract/training-settings';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { TrainingState, TRAINING_UI_ERRORS } = await import('../../../src/renderer/src/state/training.svelte');

describe('TrainingState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('refuses a bad model name before asking the engine; a restart mid-run is reported', async () => {
    const training = new TrainingState();
    training.form.modelName = 'no spaces allowed!';
    await training.start();
    expect(training.error).toBe(TRAINING_UI_ERRORS.badName);
    expect(fake.current.call('training:start')).not.toHaveBeenCalled();
    fake.current.call('training:sources').mockResolvedValue([]);
    fake.current.call('training:capabilities').mockResolvedValue(trainingCapabilities());
    fake.current.call('training:status').mockResolvedValue(trainingRun('run-1'));
    await training.refresh();
    expect(training.running).toBe(true);
    training.watchEngine({ state: 'restarting', restarts: 1 });
    expect([training.running, training.error]).toEqual([false, TRAINING_UI_ERRORS.engineRestarted(0)]);
  });

  test('refresh reads sources and picks the first when the form names none', async () => {
    const training = new TrainingState();
    fake.current.call('training:sources').mockResolvedValue([trainingSource('dataset:a', 'a')]);
    fake.current.call('training:capabilities').mockResolvedValue(trainingCapabilities());
    fake.current.call('training:status').mockResolvedValue(null);
    await training.refresh();
    expect([training.form.source, training.error]).toEqual(['dataset:a', undefined]);
  });

  test('the form as bound is what start sends, every setting from the table', async () => {
    const training = new TrainingState();
    const { form } = training;
    form.source = 'dataset:a';
    form.kind = 'cvae';
    form.modelName = 'digits';
    form.settings.backend = 'cpu';
    form.settings.optimizer = 'sgd';
    form.settings.epochs = 3;
    form.settings.batchSize = 64;
    form.settings.learningRate = 0.01;
    form.settings.beta = 0.5;
    form.settings.latentSize = 8;
    form.settings.validationShare = 0.2;
    form.settings.seed = 9;
    form.limit = 1000;
    form.resume = true;
    fake.current.call('training:start').mockResolvedValue(trainingRun('run-2'));
    await training.start();
    expect(fake.current.call('training:start')).toHaveBeenCalledWith({
      source: 'dataset:a',
      kind: 'cvae',
      modelName: 'digits',
      settings: {
        epochs: 3,
        batchSize: 64,
        learningRate: 0.01,
        optimizer: 'sgd',
        beta: 0.5,
        latentSize: 8,
        // Left as the table's defaults.
        hiddenSize: TRAINING_DEFAULTS.hiddenSize,
        validationShare: 0.2,
        seed: 9,
        denoising: TRAINING_DEFAULTS.denoising,
        backend: 'cpu',
      },
      limit: 1000,
      resume: true,
    });
    expect([training.running, training.error]).toEqual([true, undefined]);
  });

  test('a new form starts on the settings table’s defaults; an emptied field is left out for the engine', async () => {
    const training = new TrainingState();
    expect(training.form.settings).toEqual(TRAINING_DEFAULTS);
    training.form.source = 'dataset:a';
    // An emptied number input binds null: the threads are then the engine's pick.
    training.form.settings.workers = null;
    training.form.settings.hiddenSize = undefined;
    fake.current.call('training:start').mockResolvedValue(trainingRun('run-3'));
    await training.start();
    const sent = fake.current.call('training:start').mock.calls[0][0].settings;
    expect(sent.epochs).toBe(TRAINING_DEFAULTS.epochs);
    expect(Object.keys(sent)).not.toContain('workers');
    expect(Object.keys(sent)).not.toContain('hiddenSize');
  });
});

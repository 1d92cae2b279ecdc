import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { trainingCapabilities, trainingRun, trainingSource } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { TrainingState, TRAINING_UI_ERRORS } = await import('../../../src/renderer/src/state/training.svelte');

describe('TrainingState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('refuses a bad model name before asking the engine; a restart mid-run is reported', async () => {
    const training = new TrainingState();
    training.setModelName('no spaces allowed!');
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

  test('the form set through its methods is what start sends', async () => {
    const training = new TrainingState();
    training.chooseSource('dataset:a');
    training.chooseKind('cvae');
    training.chooseBackend('cpu');
    training.chooseOptimizer('sgd');
    training.setModelName('digits');
    training.setEpochs(3);
    training.setBatchSize(64);
    training.setLearningRate(0.01);
    training.setBeta(0.5);
    training.setLatentSize(8);
    training.setValidationShare(0.2);
    training.setSeed(9);
    training.setLimit(1000);
    training.setResume(true);
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
        validationShare: 0.2,
        seed: 9,
        backend: 'cpu',
      },
      limit: 1000,
      resume: true,
    });
    expect([training.running, training.error]).toEqual([true, undefined]);
  });
});

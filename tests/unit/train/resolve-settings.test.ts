import { describe, expect, test } from 'vitest';
import { defaultWorkers } from '../../../src/engine/train/default-workers';
import { resolveSettings, SETTINGS_ERRORS } from '../../../src/engine/train/resolve-settings';
import {
  SETTING_NAMES,
  TRAINING_DEFAULTS,
  TRAINING_SETTINGS,
  trainingSettingsFields,
} from '../../../src/shared/contract/training-settings';
import { MODEL_KINDS } from '../../../src/shared/model-kinds';

describe('a run resolves its settings from the settings table', () => {
  test.each(MODEL_KINDS)('%s: each setting not given takes the table’s default; the threads suit the kind', (kind) => {
    const settings = resolveSettings({}, kind);
    for (const name of SETTING_NAMES) {
      if (name === 'workers') expect(settings.workers).toBe(defaultWorkers(kind));
      else expect(settings[name], name).toBe(TRAINING_DEFAULTS[name]);
    }
  });

  test('the engine refuses what the studio’s requests refuse, naming the setting and its limits', () => {
    const { epochs, learningRate } = TRAINING_SETTINGS;
    expect(resolveSettings({ epochs: epochs.max, learningRate: learningRate.min }, 'mlp-vae').epochs).toBe(epochs.max);
    expect(() => resolveSettings({ epochs: epochs.max + 1 }, 'mlp-vae')).toThrow(
      SETTINGS_ERRORS.invalid('epochs', trainingSettingsFields.epochs.describe),
    );
    expect(() => resolveSettings({ learningRate: learningRate.max * 2 }, 'mlp-vae')).toThrow(
      SETTINGS_ERRORS.invalid('learningRate', trainingSettingsFields.learningRate.describe),
    );
    // @ts-expect-error: an optimizer the table lacks is a type error, and refused at run time too.
    expect(() => resolveSettings({ optimizer: 'adagrad' }, 'mlp-vae')).toThrow(/the setting optimizer must be one of/);
  });
});

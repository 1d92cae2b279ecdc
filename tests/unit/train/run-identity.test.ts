import { describe, expect, test } from 'vitest';
import { identityDifferences, type RunIdentity } from '../../../src/engine/train/job/run-identity';
import {
  SAME_ON_RESUME,
  TRAINING_DEFAULTS,
  TRAINING_SETTINGS,
  type SettingRow,
} from '../../../src/shared/contract/training-settings';

const saved: RunIdentity = {
  model: { kind: 'mlp-vae', recipe: 'quickdraw28', imageSize: 28, latentSize: 2, hiddenSize: 512, numClasses: 0 },
  data: { source: 'cat.ndjson', count: 200, classNames: ['cat'], fingerprint: 'abcdef0123456789' },
  settings: Object.fromEntries(
    SAME_ON_RESUME.map((name) => [name, TRAINING_DEFAULTS[name]]),
  ) as RunIdentity['settings'],
};

/** Another value the row allows. */
function another(row: SettingRow): number | string | boolean {
  if (row.type === 'switch') return !row.default;
  if (row.type === 'choice') return row.values.find((value) => value !== row.default)!;
  return row.default === row.max ? row.min : row.max;
}

describe('how a resume differs from its checkpoint', () => {
  test('names each setting by its label in the settings table', () => {
    for (const name of SAME_ON_RESUME) {
      const row: SettingRow = TRAINING_SETTINGS[name];
      const now = { ...saved, settings: { ...saved.settings, [name]: another(row) } };
      const label = row.label.charAt(0).toLowerCase() + row.label.slice(1);
      expect(identityDifferences(saved, now), name).toBe(
        `the settings differ: ${label} ${String(row.default)} in the checkpoint, ${String(another(row))} now`,
      );
    }
  });

  test('reads as a sentence, and names model settings by their labels too', () => {
    const now: RunIdentity = {
      ...saved,
      model: { ...saved.model, hiddenSize: 256 },
      settings: { ...saved.settings, batchSize: 64, beta: 0.5 },
    };
    expect(identityDifferences(saved, now)).toBe(
      'the model differs: hidden units 512 in the checkpoint, 256 now; ' +
        'the settings differ: batch 128 in the checkpoint, 64 now, β (KL weight) 1 in the checkpoint, 0.5 now',
    );
  });

  test('is nothing for the same run', () => {
    expect(identityDifferences(saved, structuredClone(saved))).toBeUndefined();
  });
});

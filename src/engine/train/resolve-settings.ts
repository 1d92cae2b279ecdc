import { SchemaError } from '../../shared/contract/schema';
import { SETTING_NAMES, TRAINING_DEFAULTS, trainingSettingsFields } from '../../shared/contract/training-settings';
import type { ModelKind } from '../models/types';
import { defaultWorkers } from './default-workers';
import type { TrainSettings } from './settings';

export const SETTINGS_ERRORS = {
  invalid: (setting: string, expected: string) => `the setting ${setting} must be ${expected}`,
} as const;

/**
 * The settings a run of this kind uses: the table's default for each one not given (the threads:
 * what suits the kind on this machine), each checked by the same schema as the studio's requests.
 */
export function resolveSettings(partial: Partial<TrainSettings>, kind: ModelKind): TrainSettings {
  const given = Object.fromEntries(Object.entries(partial).filter(([, value]) => value !== undefined));
  const merged: Record<string, unknown> = { ...TRAINING_DEFAULTS, workers: defaultWorkers(kind), ...given };
  const resolved: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const field = trainingSettingsFields[name];
    try {
      const value = field.parse(merged[name], name);
      if (value !== undefined) resolved[name] = value;
    } catch (error) {
      if (!(error instanceof SchemaError)) throw error;
      const expected = 'inner' in field ? field.inner.describe : field.describe;
      throw new Error(SETTINGS_ERRORS.invalid(name, expected), { cause: error });
    }
  }
  // Every setting has a value now: the table's default where none was given (the backend excepted).
  return resolved as TrainSettings;
}

import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../../src/cli/args';
import { command as trainCommand } from '../../../src/cli/commands/train';
import { settingsFromFlags, TRAIN_FLAGS } from '../../../src/cli/commands/train-flags';
import { settingField, settingFields } from '../../../src/renderer/src/lib/training-fields';
import {
  defaultText,
  SAME_ON_RESUME,
  SETTING_NAMES,
  settingSchema,
  TRAINING_DEFAULTS,
  TRAINING_SETTINGS,
  trainingSettingsSchema,
  type SettingRow,
} from '../../../src/shared/contract/training-settings';
import { KIND_SETTINGS, MODEL_KINDS, settingApplies } from '../../../src/shared/model-kinds';

const rows = SETTING_NAMES.map((name) => [name, TRAINING_SETTINGS[name] as SettingRow] as const);

describe('every training setting is one row of the table, and every place that needs it finds it', () => {
  test.each(rows)('%s: a label, a one-line help, a flag, and a default its own schema accepts', (name, row) => {
    expect(row.label.length).toBeGreaterThan(2);
    expect(row.help.length).toBeGreaterThan(5);
    expect(row.help).not.toContain('\n');
    expect(row.flag).toMatch(/^[a-z][a-z-]*$/);
    if (row.default === undefined)
      expect(row.auto, `${name} has neither a default nor what the engine picks`).toBeTruthy();
    else expect(settingSchema(row).parse(row.default, name)).toBe(row.default);
    expect(defaultText(row)).toBe(typeof row.default === 'boolean' ? undefined : (row.default ?? row.auto));
  });

  test('a resume keeps the settings that change what a run learns; how long and where may change', () => {
    expect(SAME_ON_RESUME).toEqual([
      'batchSize',
      'learningRate',
      'optimizer',
      'beta',
      'validationShare',
      'seed',
      'denoising',
    ]);
    const free = SETTING_NAMES.filter((name) => TRAINING_SETTINGS[name].resume === 'free');
    expect(free).toEqual(['epochs', 'workers', 'backend']);
  });

  test('flags and labels are distinct', () => {
    const flags = rows.map(([, row]) => row.flag);
    const labels = rows.map(([, row]) => row.label);
    expect(new Set(flags).size).toBe(flags.length);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test('the request schema accepts the defaults as they are', () => {
    const filled = Object.fromEntries(Object.entries(TRAINING_DEFAULTS).filter(([, v]) => v !== undefined));
    expect(trainingSettingsSchema.parse(filled, 'settings')).toEqual(filled);
  });

  test.each(rows)('%s: the Train form has a field for it, with the table’s limits or choices', (name, row) => {
    const field = settingField(name);
    expect(field.label).toBe(row.label);
    expect(MODEL_KINDS.some((kind) => settingFields(kind).some((f) => f.name === name))).toBe(true);
    if (row.type === 'number') {
      expect([field.control, field.min, field.max]).toEqual(['number', row.min, row.max]);
      expect(() => settingSchema(row).parse(row.max + (row.integer ? 1 : row.max), name)).toThrow();
    }
    if (row.type === 'choice' && field.control !== 'backend') expect(field.options).toEqual(row.values);
    if (row.type === 'switch') expect(field.control).toBe('check');
  });

  test('a kind’s form shows exactly the settings it uses', () => {
    for (const kind of MODEL_KINDS) {
      const shown = settingFields(kind).map((f) => f.name);
      expect(shown).toEqual(SETTING_NAMES.filter((name) => settingApplies(kind, name)));
      for (const name of SETTING_NAMES.filter((n) => !(KIND_SETTINGS as readonly string[]).includes(n))) {
        expect(shown).toContain(name);
      }
    }
  });

  test.each(rows)('%s: `latentdraw train` has its flag, with its help and default from the row', (name, row) => {
    const flag = TRAIN_FLAGS.find((f) => f.name === row.flag);
    expect(flag, `no --${row.flag}`).toBeDefined();
    // The backend's flag is the CLI's own: its choices are the backends plain Node has.
    if (name === 'backend') return;
    expect(flag?.about).toBe(row.help);
    expect(flag?.default).toBe(defaultText(row));
    if (row.type === 'switch') {
      expect(settingsFromFlags(parseArgs([`--${row.flag}`], trainCommand))).toEqual({ [name]: true });
      return;
    }
    const sample = row.type === 'number' ? String(row.max) : String(row.values[0]);
    const parsed = settingsFromFlags(parseArgs([`--${row.flag}`, sample], trainCommand));
    expect(parsed).toEqual({ [name]: row.type === 'number' ? row.max : sample });
  });
});

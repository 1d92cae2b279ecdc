import {
  SETTING_NAMES,
  TRAINING_SETTINGS,
  type SettingName,
  type SettingRow,
} from '../../../shared/contract/training-settings';
import { settingApplies, type ModelKind } from '../../../shared/model-kinds';

/** One setting of the Train form, as the settings table describes it. */
export interface SettingField {
  name: SettingName;
  label: string;
  /**
   * A number input with the row's limits, a select of its values, a checkbox, or the backend:
   * a select of the backends the engine reports, with why each unavailable one is.
   */
  control: 'number' | 'select' | 'check' | 'backend';
  min?: number;
  max?: number;
  step?: number | 'any';
  options?: readonly string[];
  /** An empty field: what the engine picks where the setting has no fixed default. */
  placeholder?: string;
  title: string;
  testid: string;
}

function controlOf(name: SettingName, row: SettingRow): SettingField['control'] {
  if (name === 'backend') return 'backend';
  if (row.type === 'number') return 'number';
  return row.type === 'choice' ? 'select' : 'check';
}

export function settingField(name: SettingName): SettingField {
  const row: SettingRow = TRAINING_SETTINGS[name];
  const field: SettingField = {
    name,
    label: row.label,
    control: controlOf(name, row),
    title: row.unit ? `${row.help} (${row.unit})` : row.help,
    testid: `train-${row.flag}`,
  };
  if (row.auto) field.placeholder = 'auto';
  if (row.type === 'number') {
    field.min = row.min;
    field.max = row.max;
    field.step = row.integer ? 1 : (row.step ?? 'any');
  }
  if (row.type === 'choice') field.options = row.values;
  return field;
}

/** The settings the chosen kind uses, in the table's order (the others it would ignore). */
export function settingFields(kind: ModelKind): SettingField[] {
  return SETTING_NAMES.filter((name) => settingApplies(kind, name)).map(settingField);
}

import { RASTER_RECIPES } from '../../engine/data/training-data.types';
import { MODEL_KINDS } from '../../engine/models/types';
import type { TrainSettings } from '../../engine/train/settings';
import {
  defaultText,
  SETTING_NAMES,
  settingSchema,
  TRAINING_SETTINGS,
  type NumberSetting,
  type SettingRow,
} from '../../shared/contract/training-settings';
import { schemaFlag, type ParsedArgs } from '../args';
import { BACKEND_FLAG } from '../backend-flag';
import { jsonFlag, type Flag } from '../command';

/** The settings that are flags of their own; the backend is the CLI's (see TRAIN_FLAGS). */
const FLAG_SETTINGS = SETTING_NAMES.filter((name) => name !== 'backend');

/** An integer setting with at most this many values lists them (`--workers 1|2`) instead of `N`. */
const LISTED_VALUES = 4;

/** What a number flag's value looks like: its few allowed values, or N for an integer, X for any number. */
function numberValue(row: NumberSetting): string {
  if (!row.integer) return 'X';
  const count = row.max - row.min + 1;
  return count <= LISTED_VALUES ? Array.from({ length: count }, (_, i) => row.min + i).join('|') : 'N';
}

/** A training setting's flag, as its row in the contract's table describes it. */
function settingFlag(row: SettingRow): Flag {
  const value = row.type === 'choice' ? row.values.join('|') : row.type === 'number' ? numberValue(row) : undefined;
  return { name: row.flag, value, about: row.help, default: defaultText(row) };
}

/**
 * `latentdraw train`'s flags: its usage, help and parsing read them. The training settings come
 * from the contract's table, so the CLI, the studio and the engine share each one's default; the
 * backend is the CLI's (the engine's backends: WebGL exists only in a trainer window).
 */
export const TRAIN_FLAGS: readonly Flag[] = [
  {
    name: 'data',
    value: 'DATASET_OR_FILE[,…]',
    about: 'dataset ids or data files to train on, comma-separated; files may also follow the flags',
    required: true,
  },
  { name: 'model', value: 'KIND', about: `the kind of model: ${MODEL_KINDS.join(', ')}`, required: true },
  { name: 'out', value: 'DIR', about: 'the folder the trained model is saved to', required: true },
  ...FLAG_SETTINGS.map((name) => settingFlag(TRAINING_SETTINGS[name])),
  BACKEND_FLAG,
  { name: 'limit', value: 'N', about: 'read at most N drawings from each source', default: 'all of them' },
  {
    name: 'recipe',
    value: RASTER_RECIPES.join('|'),
    about: 'how drawings become pixels',
    default: 'cookbook32 for conv-ae, mnist28 for MNIST files, else quickdraw28',
  },
  { name: 'resume', about: 'continue the interrupted run for --out from its checkpoint' },
  jsonFlag('one line per epoch'),
];

/** The training settings given as flags, each checked by its row's schema: the studio's limits. */
export function settingsFromFlags(args: ParsedArgs): Partial<TrainSettings> {
  const given: Record<string, unknown> = {};
  for (const name of FLAG_SETTINGS) {
    const row: SettingRow = TRAINING_SETTINGS[name];
    const value =
      row.type === 'switch'
        ? args.flags.has(row.flag) || undefined
        : schemaFlag(args, row.flag, settingSchema(row), row.type === 'number' ? Number : String);
    if (value !== undefined) given[name] = value;
  }
  // Each value has passed its own setting's schema.
  return given as Partial<TrainSettings>;
}

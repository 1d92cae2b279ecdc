import { DEFAULT_KIND, KIND_SPECS } from '../model-kinds';
import { TRAINER_BACKEND_NAMES, type TrainerBackendName } from '../types/backend';
import { s, type Schema } from './schema';

/**
 * The training settings, one row each: the request's schema and limits, the default, the Train
 * view's field and the CLI's flag and help are all read from here (docs/ARCHITECTURE.md, "Adding
 * a training setting"). Whether a kind uses a setting is the kind's spec (src/shared/model-kinds.ts).
 */

interface RowBase {
  /** The Train view's label. */
  label: string;
  /** What it counts, where there is a count (the Train view's tooltip). */
  unit?: string;
  /** `latentdraw train --FLAG`. */
  flag: string;
  /** One line: the CLI's help and the Train view's tooltip. */
  help: string;
  /** The request may leave it out (older callers do); the engine fills in the default. */
  optional?: true;
  /** Where there is no fixed default: what the engine picks when none is given, in words. */
  auto?: string;
  /**
   * Resuming a run's checkpoint: `same` where the value must be the checkpoint's (it changes what
   * the run learns), `model` where it is compared as part of the model's config, `free` where it
   * may change (how long or where the run trains).
   */
  resume: 'same' | 'model' | 'free';
}

export interface NumberSetting extends RowBase {
  type: 'number';
  min: number;
  max: number;
  integer: boolean;
  /** The Train view's step; integers step by 1, other numbers by any amount unless given. */
  step?: number;
  default: number | undefined;
}

export interface ChoiceSetting extends RowBase {
  type: 'choice';
  values: readonly string[];
  default: string | undefined;
}

export interface SwitchSetting extends RowBase {
  type: 'switch';
  default: boolean;
}

export type SettingRow = NumberSetting | ChoiceSetting | SwitchSetting;

// Each row keeps its literal type (its values, whether it is optional), so the types below follow it.
const number = <const R extends Omit<NumberSetting, 'type'>>(row: R) => ({ type: 'number' as const, ...row });
const choice = <const R extends Omit<ChoiceSetting, 'type'>>(row: R) => ({ type: 'choice' as const, ...row });
const toggle = <const R extends Omit<SwitchSetting, 'type'>>(row: R) => ({ type: 'switch' as const, ...row });

export const OPTIMIZERS = ['adam', 'rmsprop', 'sgd'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

/** In the Train view's order; the CLI lists its flags in this order too. */
export const TRAINING_SETTINGS = {
  // 10: an MLP VAE on the shipped 10k MNIST digits still improves after 5 (validation loss 175.8
  // at 5, 168.9 at 10, about 35 s in all on wasm), and the studio, the CLI and train() share it.
  epochs: number({
    resume: 'free',
    label: 'Epochs',
    unit: 'passes',
    flag: 'epochs',
    help: 'passes over the training data',
    min: 1,
    max: 1000,
    integer: true,
    default: 10,
  }),
  batchSize: number({
    resume: 'same',
    label: 'Batch',
    unit: 'drawings',
    flag: 'batch',
    help: 'drawings per step',
    min: 1,
    max: 4096,
    integer: true,
    default: 128,
  }),
  learningRate: number({
    resume: 'same',
    label: 'Learning rate',
    flag: 'lr',
    help: "the optimizer's step size",
    min: 1e-7,
    max: 10,
    integer: false,
    default: 1e-3,
  }),
  optimizer: choice({
    resume: 'same',
    label: 'Optimizer',
    flag: 'optimizer',
    help: 'the optimizer',
    values: OPTIMIZERS,
    default: 'adam',
  }),
  beta: number({
    resume: 'same',
    label: 'β (KL weight)',
    flag: 'beta',
    help: 'weight of the KL term (1 = the plain ELBO; the Keras book used a tiny one)',
    min: 0,
    max: 1000,
    integer: false,
    default: 1,
  }),
  latentSize: number({
    resume: 'model',
    label: 'Latent size',
    unit: 'dimensions',
    flag: 'latent',
    help: 'size of the latent code',
    min: 1,
    max: 256,
    integer: true,
    // The code size of the kind a new run starts on.
    default: KIND_SPECS[DEFAULT_KIND].defaultLatentSize,
  }),
  hiddenSize: number({
    resume: 'model',
    label: 'Hidden units',
    unit: 'units',
    flag: 'hidden',
    help: 'units in the hidden layer of the MLP kinds',
    min: 1,
    max: 4096,
    integer: true,
    default: 512,
    optional: true,
  }),
  validationShare: number({
    resume: 'same',
    label: 'Validation share',
    flag: 'validation',
    help: 'share of the drawings held out for validation where the data has no split of its own',
    min: 0,
    max: 0.9,
    integer: false,
    step: 0.05,
    default: 0.1,
  }),
  seed: number({
    resume: 'same',
    label: 'Seed',
    flag: 'seed',
    help: 'seed of the split, shuffles, noise and weights',
    min: 0,
    max: 2 ** 31 - 1,
    integer: true,
    default: 1,
  }),
  denoising: toggle({
    resume: 'same',
    label: 'Denoising',
    flag: 'denoising',
    help: 'train on noisy inputs against clean targets',
    default: false,
    optional: true,
  }),
  workers: number({
    resume: 'free',
    label: 'Threads',
    unit: 'threads',
    flag: 'workers',
    help: 'threads computing each batch: 2 share it (data-parallel), 1 keeps a run bit-for-bit reproducible',
    min: 1,
    max: 2,
    integer: true,
    default: undefined,
    auto: '2 for conv kinds on 2+ cores, else 1',
    optional: true,
  }),
  backend: choice({
    resume: 'free',
    label: 'Train on',
    flag: 'backend',
    help: 'the compute backend the run trains on',
    values: TRAINER_BACKEND_NAMES,
    default: undefined,
    auto: 'the best available',
    optional: true,
  }),
} as const;

export type SettingName = keyof typeof TRAINING_SETTINGS;
export const SETTING_NAMES = Object.keys(TRAINING_SETTINGS) as SettingName[];

type ValueOf<R> = R extends { type: 'number' }
  ? number
  : R extends { type: 'choice'; values: readonly (infer V)[] }
    ? V
    : R extends { type: 'switch' }
      ? boolean
      : never;
type Rows = typeof TRAINING_SETTINGS;

/** A value for every setting. */
export type TrainingSettingValues = { [K in SettingName]: ValueOf<Rows[K]> };

/**
 * Settings as a run uses them: every one has its value, except the backend, which a run records
 * once it has one (the best available where none was chosen).
 */
export type TrainingSettings = Omit<TrainingSettingValues, 'backend'> & { backend?: TrainerBackendName };

/** The settings a resumed run must share with its checkpoint. */
export type SameOnResume = { [K in SettingName]: Rows[K] extends { resume: 'same' } ? K : never }[SettingName];
export const SAME_ON_RESUME = SETTING_NAMES.filter(
  (name) => TRAINING_SETTINGS[name].resume === 'same',
) as SameOnResume[];

type DefaultOf<R> = R extends { default: undefined } ? undefined : ValueOf<R>;
export type TrainingDefaults = { [K in SettingName]: DefaultOf<Rows[K]> };

/** The one default of each setting; undefined where the engine picks (see the row's `auto`). */
export const TRAINING_DEFAULTS = Object.fromEntries(
  SETTING_NAMES.map((name) => [name, TRAINING_SETTINGS[name].default]),
) as TrainingDefaults;

/** The schema of one setting's value. */
export function settingSchema(row: SettingRow): Schema<number | string | boolean> {
  if (row.type === 'number') return s.number({ min: row.min, max: row.max, integer: row.integer });
  if (row.type === 'choice') return s.enum(row.values);
  return s.boolean();
}

type FieldOf<R> = R extends { optional: true }
  ? Schema<ValueOf<R> | undefined> & { optional: true; inner: Schema<ValueOf<R>> }
  : Schema<ValueOf<R>>;
export type TrainingSettingsFields = { [K in SettingName]: FieldOf<Rows[K]> };

/** Each setting's schema in a request: the studio's requests and the CLI's flags are checked with these. */
export const trainingSettingsFields = Object.fromEntries(
  SETTING_NAMES.map((name) => {
    const row: SettingRow = TRAINING_SETTINGS[name];
    const value = settingSchema(row);
    return [name, row.optional ? s.optional(value) : value];
  }),
) as TrainingSettingsFields;

export const trainingSettingsSchema = s.object(trainingSettingsFields);

/** The upper limit of each numeric setting. */
export const SETTING_LIMITS = {
  epochs: TRAINING_SETTINGS.epochs.max,
  batchSize: TRAINING_SETTINGS.batchSize.max,
  latentSize: TRAINING_SETTINGS.latentSize.max,
  hiddenSize: TRAINING_SETTINGS.hiddenSize.max,
} as const;

/** What a setting's default is, in words: the value, or what the engine picks. */
export function defaultText(row: SettingRow): string | number | undefined {
  if (row.default !== undefined) return typeof row.default === 'boolean' ? undefined : row.default;
  return row.auto;
}

import { createHash } from 'node:crypto';
import type { TrainingData } from '../../data/training-data.types';
import type { ModelConfig } from '../../models/types';
import {
  SAME_ON_RESUME,
  SETTING_NAMES,
  TRAINING_SETTINGS,
  type SameOnResume,
} from '../../../shared/contract/training-settings';
import type { TrainSettings } from '../settings';

/**
 * What makes a run the run it is, kept in every checkpoint: a resume continues only a
 * checkpoint of the same model, data and settings (those the settings table marks `same` on
 * resume). The number of epochs, the backend and the worker count may change between a run and
 * its resume: they change how long or where it trains, not what it learns from. The data is compared by its drawings, not its source's
 * name: the same file may be named from another folder, or a file of that name be replaced.
 */
export interface RunIdentity {
  model: Omit<ModelConfig, 'seed'>;
  data: { source: string; count: number; classNames: string[]; fingerprint: string };
  settings: Pick<TrainSettings, SameOnResume>;
}

/** Recorded to name the data in a message, never compared. */
const NOT_COMPARED = new Set(['source']);

/** A setting's label as a sentence reads it: "Learning rate" → "learning rate", "β (KL weight)" as it is. */
const inSentence = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** The words a person reads for each field of an identity: a setting's are its label in the settings table. */
const FIELD_WORDS: Record<string, string> = {
  ...Object.fromEntries(SETTING_NAMES.map((name) => [name, inSentence(TRAINING_SETTINGS[name].label)])),
  kind: 'model kind',
  recipe: 'raster recipe',
  imageSize: 'image size',
  numClasses: 'number of classes',
  count: 'number of drawings',
  classNames: 'classes',
  fingerprint: 'drawings',
};

/** A hash of the drawings themselves: the same file name may hold other drawings by now. */
function fingerprintOf(data: TrainingData): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([data.imageSize, data.classNames]));
  hash.update(new Uint8Array(data.images.buffer, data.images.byteOffset, data.images.byteLength));
  hash.update(new Uint8Array(data.labels.buffer, data.labels.byteOffset, data.labels.byteLength));
  return hash.digest('hex');
}

export function runIdentity(config: ModelConfig, data: TrainingData, settings: TrainSettings): RunIdentity {
  const { seed: _seed, ...model } = config;
  const chosen = Object.fromEntries(SAME_ON_RESUME.map((key) => [key, settings[key]])) as RunIdentity['settings'];
  return {
    model,
    data: { source: data.source, count: data.count, classNames: data.classNames, fingerprint: fingerprintOf(data) },
    settings: chosen,
  };
}

const PART_WORDS = { model: 'the model differs', data: 'the data differs', settings: 'the settings differ' } as const;

function shown(identity: RunIdentity, field: string, value: unknown): string {
  if (field === 'fingerprint') return `from ${identity.data.source} (${String(value).slice(0, 8)})`;
  return Array.isArray(value) ? `[${value.join(', ')}]` : String(value);
}

/**
 * How `now` differs from the identity a checkpoint recorded, in words ("the settings differ:
 * learning rate 0.001 in the checkpoint, 0.01 now"); undefined when it is the same run.
 */
export function identityDifferences(saved: RunIdentity, now: RunIdentity): string | undefined {
  const parts: string[] = [];
  for (const part of ['model', 'data', 'settings'] as const) {
    const was: Record<string, unknown> = saved[part];
    const is: Record<string, unknown> = now[part];
    const fields = Object.keys(is).filter(
      (field) => !NOT_COMPARED.has(field) && JSON.stringify(was[field]) !== JSON.stringify(is[field]),
    );
    if (fields.length === 0) continue;
    const described = fields.map(
      (field) =>
        `${FIELD_WORDS[field] ?? field} ${shown(saved, field, was[field])} in the checkpoint, ${shown(now, field, is[field])} now`,
    );
    parts.push(`${PART_WORDS[part]}: ${described.join(', ')}`);
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}

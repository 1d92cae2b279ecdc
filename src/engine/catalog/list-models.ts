import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MODEL_NAME_PATTERN } from '../../shared/contract/training';
import type { ModelSummary } from '../../shared/types/app';
import { recoverReplacedFolders } from '../fs/atomic';
import { readInside } from '../models/store/read-inside';
import { DEFAULT_SHIPPED_MODEL, SHIPPED_MODELS } from './shipped-models';

/** latentdraw.json is a few KB; a link to /dev/zero or a huge file must not stall the list. */
const META_MAX_BYTES = 1 << 20;

export const MODEL_META_FILE = 'latentdraw.json';

function text(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function datasetName(value: unknown): string {
  if (typeof value === 'string') return value.split(/[\\/]/).pop() ?? value;
  if (typeof value !== 'object' || value === null) return '';
  const { name, source: where } = value as { name?: unknown; source?: unknown };
  if (typeof name === 'string' && name) return name;
  const source = text(where, '');
  // A person recognises a file by its name, not by the folder it was trained from.
  return (
    source
      .split(/[\\/]/)
      .pop()
      ?.replace(/^resources:/, '') ?? ''
  );
}

/** Reads a model folder's metadata into the summary the picker shows; undefined if not a model. */
export async function readModelSummary(folder: string, id: string, origin: ModelSummary['origin']) {
  let meta: Record<string, unknown>;
  try {
    const bytes = await readInside(folder, MODEL_META_FILE, META_MAX_BYTES);
    meta = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  const summary: ModelSummary = {
    id,
    name: text(meta.name, id),
    kind: text(meta.kind, 'unknown'),
    recipe: text(meta.recipe, 'quickdraw28'),
    imageSize: count(meta.imageSize),
    latentSize: count(meta.latentSize),
    classNames: Array.isArray(meta.classNames) ? meta.classNames.filter((c): c is string => typeof c === 'string') : [],
    dataset: datasetName(meta.dataset),
    origin,
  };
  // Only the app's own models carry a purpose and the default mark: a person's model folder
  // named like one of them is still theirs.
  const folderName = id.replace(/^shipped:/, '');
  const shipped = origin === 'shipped' ? SHIPPED_MODELS[folderName] : undefined;
  if (shipped) summary.purpose = shipped.purpose;
  if (origin === 'shipped' && folderName === DEFAULT_SHIPPED_MODEL) summary.default = true;
  return summary;
}

async function listIn(root: string, origin: ModelSummary['origin']): Promise<ModelSummary[]> {
  // Settle what an interrupted save left (its journal says which folders are its own) first.
  if (origin === 'user') await recoverReplacedFolders(root).catch(() => undefined);
  const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
  const found: ModelSummary[] = [];
  // Exactly the names a model can have: a save's own folders beside a model are hidden ones.
  for (const entry of entries
    .filter((e) => e.isDirectory() && MODEL_NAME_PATTERN.test(e.name))
    .sort((a, b) => a.name.localeCompare(b.name))) {
    const id = `${origin}:${entry.name}`;
    const summary = await readModelSummary(join(root, entry.name), id, origin);
    if (summary) found.push(summary);
  }
  return found;
}

/** Shipped models first (they are what a first launch shows), then the person's own. */
export async function listModels(shippedRoot: string, userRoot: string): Promise<ModelSummary[]> {
  return [...(await listIn(shippedRoot, 'shipped')), ...(await listIn(userRoot, 'user'))];
}

/** The folder of a model id as listModels makes them ("shipped:NAME" / "user:NAME"). */
export function modelFolder(id: string, shippedRoot: string, userRoot: string): string {
  const match = /^(shipped|user):(.*)$/s.exec(id);
  if (!match || !MODEL_NAME_PATTERN.test(match[2])) throw new Error(`not a model id: "${id.slice(0, 130)}"`);
  return join(match[1] === 'shipped' ? shippedRoot : userRoot, match[2]);
}

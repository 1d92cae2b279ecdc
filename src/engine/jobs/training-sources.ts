import { readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { DatasetStore } from '../data/index';
import type { TrainingSource } from '../../shared/contract/training';

/** Where shipped sample data lives inside the resources folder. */
export const SAMPLES_FOLDER = 'data';
const SAMPLE_FILE = /\.(ndjson|bin|npy)$|-idx3-ubyte(\.gz)?$/;
const SAMPLE_SEGMENT = /^[A-Za-z0-9._-]{1,120}$/;

export const SOURCE_ERRORS = {
  notFound: (source: string) => `no dataset or sample data "${source}"`,
} as const;

async function sampleFiles(root: string, folder: string, depth: number): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!SAMPLE_SEGMENT.test(entry.name) || entry.name.startsWith('.')) continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth < 2) found.push(...(await sampleFiles(root, path, depth + 1)));
    else if (entry.isFile() && SAMPLE_FILE.test(entry.name)) found.push(relative(root, path).split(sep).join('/'));
  }
  return found;
}

/** What can be trained on: the person's datasets, then the sample data shipped under resources/. */
export async function listTrainingSources(store: DatasetStore, resourcesDir: string): Promise<TrainingSource[]> {
  const datasets: TrainingSource[] = (await store.list()).map((m) => ({
    id: m.id,
    name: m.name,
    count: m.count,
    categories: m.categories,
    origin: 'dataset',
  }));
  const root = join(resourcesDir, SAMPLES_FOLDER);
  const samples: TrainingSource[] = (await sampleFiles(root, root, 0)).map((file) => ({
    id: `sample:${file}`,
    name: `${file} (sample)`,
    categories: [],
    origin: 'sample',
  }));
  return [...datasets, ...samples];
}

/** A dataset id stays an id (loadTrainingData looks it up); a sample becomes its file, if listed. */
export async function resolveTrainingSource(
  source: string,
  store: DatasetStore,
  resourcesDir: string,
): Promise<string> {
  if (source.startsWith('sample:')) {
    const root = join(resourcesDir, SAMPLES_FOLDER);
    const file = source.slice('sample:'.length);
    // Only files the listing offers: the id can never reach outside the samples folder.
    if (!(await sampleFiles(root, root, 0)).includes(file)) throw new Error(SOURCE_ERRORS.notFound(source));
    return join(root, ...file.split('/'));
  }
  if (!(await store.has(source))) throw new Error(SOURCE_ERRORS.notFound(source));
  return source;
}

/** What a model's metadata calls its data: the dataset's name, or the sample's file. */
export async function sourceLabel(source: string, store: DatasetStore): Promise<string> {
  if (source.startsWith('sample:')) return source.slice('sample:'.length);
  return (await store.get(source).catch(() => undefined))?.name ?? source;
}

import type { Dirent } from 'node:fs';
import { lstat, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { STORE_ERRORS, storeError } from './errors';
import { MODEL_JSON, WEIGHTS_BIN } from './fs-io';
import { METADATA_FILE, METADATA_MAX_BYTES, MODEL_FORMAT, MODEL_PARTS } from './metadata';
import { readInside } from './read-inside';

/**
 * What a folder browser writes into any folder it shows (view settings, thumbnails): removing
 * them with the model loses nothing of the person's.
 */
const SYSTEM_FILES = new Set(['.DS_Store', 'Thumbs.db', 'desktop.ini']);

const PART_FILES = new Set([MODEL_JSON, WEIGHTS_BIN]);

async function isOurMetadata(folder: string): Promise<boolean> {
  try {
    const value = JSON.parse((await readInside(folder, METADATA_FILE, METADATA_MAX_BYTES)).toString('utf8')) as unknown;
    // Any model of ours, even a damaged or newer one: replacing it with a new save loses nothing else.
    return typeof value === 'object' && value !== null && (value as { format?: unknown }).format === MODEL_FORMAT;
  } catch {
    return false;
  }
}

/** The first entry of a model folder that a model save would not have written, if any. */
async function foreignEntry(folder: string, entries: Dirent[]): Promise<string | undefined> {
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (SYSTEM_FILES.has(entry.name) && entry.isFile()) continue;
    if (entry.name === METADATA_FILE && entry.isFile()) continue;
    if (!(MODEL_PARTS as readonly string[]).includes(entry.name) || !entry.isDirectory()) return path;
    for (const file of await readdir(path, { withFileTypes: true })) {
      if (!(PART_FILES.has(file.name) || SYSTEM_FILES.has(file.name)) || !file.isFile()) return join(path, file.name);
    }
  }
  return undefined;
}

/**
 * Refuses to save a model at `folder` unless replacing what is there loses nothing of a
 * person's: a missing path or an empty folder, or a LatentDraw model holding only what a model
 * save writes. Anything else (a file, a link, a folder of other things, a model with a note put
 * in it) is an error naming the path at fault. Replacing a folder removes it whole, so this is
 * asked before every save and, by the CLI and the studio, before a run starts.
 */
export async function checkModelTarget(folder: string): Promise<void> {
  const unreadable = (error: unknown) => storeError(STORE_ERRORS.targetUnreadable, folder, error);
  let info;
  try {
    info = await lstat(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw unreadable(error);
  }
  if (info.isSymbolicLink()) throw storeError(STORE_ERRORS.targetIsLink, folder);
  if (!info.isDirectory()) throw storeError(STORE_ERRORS.targetIsFile, folder);
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: unknown) => {
    throw unreadable(error);
  });
  if (entries.length === 0) return;
  if (!(await isOurMetadata(folder))) throw storeError(STORE_ERRORS.targetNotModel, folder);
  const foreign = await foreignEntry(folder, entries).catch((error: unknown) => {
    throw unreadable(error);
  });
  if (foreign !== undefined) throw storeError(STORE_ERRORS.targetHasOtherFiles, foreign);
}

import { randomInt } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { encodeNdjsonLine, normalizeCanvasStrokes } from '../data/index';
import { removeDeadWriteTemps, withFileLock, writeAtomic } from '../fs/atomic';
import { DRAWING_NAME_PATTERN, type SavedDrawing, type SavedDrawingInfo } from '../../shared/contract/drawings';
import type { Stroke } from '../../shared/types/drawing';

export const DRAWING_FILE_FORMAT = 'latentdraw-drawing';
const EXTENSION = '.drawing.json';

export const DRAWING_ERRORS = {
  badName: (name: string) => `"${name.slice(0, 80)}" cannot be used as a drawing name`,
  notFound: (name: string) => `no saved drawing named "${name.slice(0, 80)}"`,
  damaged: (name: string) => `the saved drawing "${name.slice(0, 80)}" is damaged`,
} as const;

interface DrawingFile {
  format: typeof DRAWING_FILE_FORMAT;
  version: 1;
  name: string;
  word: string;
  savedAt: string;
  drawing: Stroke[];
}

function isDrawingFile(value: unknown): value is DrawingFile {
  const v = value as Partial<DrawingFile> | null;
  return typeof v === 'object' && v !== null && v.format === DRAWING_FILE_FORMAT && Array.isArray(v.drawing);
}

function info(file: DrawingFile): SavedDrawingInfo {
  return { name: file.name, savedAt: file.savedAt, strokes: file.drawing.length, word: file.word };
}

/** Drawings the person saved, one JSON file each in the data home's drawings folder. */
export class DrawingFiles {
  constructor(readonly folder: string) {}

  private path(name: string): string {
    // The contract checks the pattern too; checked again because this builds a path from it.
    if (!DRAWING_NAME_PATTERN.test(name)) throw new Error(DRAWING_ERRORS.badName(name));
    return join(this.folder, `${name}${EXTENSION}`);
  }

  /** Saves under one name take their turn, so a damaged file is set aside once and each save lands whole. */
  async save(name: string, drawing: Stroke[], word = ''): Promise<SavedDrawingInfo> {
    const path = this.path(name);
    return withFileLock(path, async () => {
      await mkdir(this.folder, { recursive: true });
      await this.keepDamagedAside(name, path);
      const file: DrawingFile = {
        format: DRAWING_FILE_FORMAT,
        version: 1,
        name,
        word,
        savedAt: new Date().toISOString(),
        drawing,
      };
      await writeAtomic(path, JSON.stringify(file));
      return info(file);
    });
  }

  /**
   * A file under this name that cannot be read is not overwritten: it is renamed to
   * `NAME.drawing.json.damaged-TIME` (which is never listed) so its bytes stay on disk.
   */
  private async keepDamagedAside(name: string, path: string): Promise<void> {
    try {
      await this.open(name);
    } catch (error) {
      if ((error as Error).message !== DRAWING_ERRORS.damaged(name)) return;
      await rename(path, `${path}.damaged-${Date.now()}`);
    }
  }

  async open(name: string): Promise<SavedDrawing> {
    let text: string;
    try {
      text = await readFile(this.path(name), 'utf8');
    } catch (error) {
      throw new Error(DRAWING_ERRORS.notFound(name), { cause: error });
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new Error(DRAWING_ERRORS.damaged(name), { cause: error });
    }
    if (!isDrawingFile(value)) throw new Error(DRAWING_ERRORS.damaged(name));
    return { ...info(value), name, drawing: value.drawing };
  }

  async list(): Promise<SavedDrawingInfo[]> {
    await removeDeadWriteTemps(this.folder);
    const names = await readdir(this.folder).catch(() => [] as string[]);
    const out: SavedDrawingInfo[] = [];
    for (const file of names) {
      if (!file.endsWith(EXTENSION)) continue;
      const name = file.slice(0, -EXTENSION.length);
      if (!DRAWING_NAME_PATTERN.test(name)) continue;
      try {
        const { drawing: _drawing, ...rest } = await this.open(name);
        out.push(rest);
      } catch {
        // a damaged file is not listed; opening it by name still explains what is wrong
      }
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  async delete(name: string): Promise<void> {
    const path = this.path(name);
    await withFileLock(path, async () => {
      await this.open(name);
      await rm(path, { force: true });
    });
  }
}

/** Quick, Draw!'s own timestamp style: "2017-03-02 23:25:10.07453 UTC". */
export function quickDrawTimestamp(date: Date): string {
  return `${date.toISOString().replace('T', ' ').replace('Z', '')} UTC`;
}

/** A canvas drawing as one line of Quick, Draw! simplified NDJSON (normalised to 0–255, RDP ε = 2). */
export function drawingToNdjson(drawing: Stroke[], word = '', now = new Date()): string {
  const strokes = normalizeCanvasStrokes(drawing).map((s) => ({ x: s.x, y: s.y }));
  // key_id is a random 16-digit decimal like the dataset's: it only has to be unique.
  const keyId = `${randomInt(1, 10)}${String(randomInt(0, 2 ** 47))
    .padStart(15, '0')
    .slice(0, 15)}`;
  return encodeNdjsonLine({
    word,
    countryCode: '',
    recognized: false,
    keyId,
    timestamp: quickDrawTimestamp(now),
    strokes,
  });
}

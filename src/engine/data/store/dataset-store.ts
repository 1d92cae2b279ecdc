import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dataFolders } from '../../paths';
import { DataErrors } from '../errors';
import { removeDeadWriteTemps, removeFolder, withFileLock, writeAtomic } from '../../fs/atomic';
import { writerMayBeRunning } from '../../fs/leftover-writer';
import { DATASET_FILES, type DatasetManifest, type DatasetPreviewItem } from './manifest.types';

const ID_PATTERN = /^ds-[a-z0-9-]+$/;

/** `.import-PID-ID`: an import in progress (or killed); earlier versions wrote `.import-ID`. */
const IMPORT_TEMP = /^\.import-(?:(\d+)-)?ds-[a-z0-9-]+$/;
/** `.trash-ID-XXXXXX`: a dataset being deleted. */
const TRASH = /^\.trash-ds-[a-z0-9-]+-[0-9a-f]+$/;

/**
 * Imported datasets, one folder each under `root` (dataFolders().datasets by default).
 * Folders starting with "." are work in progress or being deleted and are never listed.
 */
export class DatasetStore {
  constructor(readonly root: string = dataFolders().datasets) {}

  static newId(): string {
    return `ds-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
  }

  folder(id: string): string {
    if (!ID_PATTERN.test(id)) throw new Error(DataErrors.datasetNotFound(id));
    return join(this.root, id);
  }

  file(id: string, name: keyof typeof DATASET_FILES): string {
    return join(this.folder(id), DATASET_FILES[name]);
  }

  async ensureRoot(): Promise<void> {
    await mkdir(this.root, { recursive: true });
  }

  /** The hidden folder an import of `id` by this process writes into. */
  importTemp(id: string): string {
    return join(this.root, `.import-${process.pid}-${id}`);
  }

  /**
   * Removes what killed imports, deletes and renames left behind. Imports still running in another
   * process (their PID is alive) are left alone. Runs before every listing and import, so the
   * CLI and the studio both clean up without a manual step.
   */
  async removeLeftovers(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return;
    }
    for (const name of names) {
      const temp = IMPORT_TEMP.exec(name);
      const pid = temp?.[1] === undefined ? undefined : Number(temp[1]);
      const stale = temp !== null && (pid === undefined || !writerMayBeRunning({ pid }, 'predecessor'));
      if (stale || TRASH.test(name)) await removeFolder(join(this.root, name)).catch(() => undefined);
      // A rename killed while writing the manifest leaves its temp file inside the dataset.
      if (ID_PATTERN.test(name)) await removeDeadWriteTemps(join(this.root, name));
    }
  }

  async list(): Promise<DatasetManifest[]> {
    await this.removeLeftovers();
    let names: string[];
    try {
      names = await readdir(this.root);
    } catch {
      return [];
    }
    const out: DatasetManifest[] = [];
    for (const name of names) {
      if (!ID_PATTERN.test(name)) continue;
      try {
        out.push(await this.get(name));
      } catch {
        // a folder without a readable manifest is not a dataset
      }
    }
    return out.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async has(id: string): Promise<boolean> {
    try {
      await this.get(id);
      return true;
    } catch {
      return false;
    }
  }

  async get(id: string): Promise<DatasetManifest> {
    let text: string;
    try {
      text = await readFile(this.file(id, 'manifest'), 'utf8');
    } catch (error) {
      throw new Error(DataErrors.datasetNotFound(id), { cause: error });
    }
    return JSON.parse(text) as DatasetManifest;
  }

  /** Changes of one dataset's manifest (renames, deletion) take their turn, one at a time. */
  private changing<T>(id: string, work: () => Promise<T>): Promise<T> {
    return withFileLock(this.file(id, 'manifest'), work);
  }

  async rename(id: string, name: string): Promise<DatasetManifest> {
    const trimmed = name.trim();
    if (trimmed.length === 0) throw new Error(DataErrors.datasetNameEmpty);
    return this.changing(id, async () => {
      const manifest = { ...(await this.get(id)), name: trimmed };
      await writeAtomic(this.file(id, 'manifest'), JSON.stringify(manifest, null, 2));
      return manifest;
    });
  }

  /** Renamed away first so a crash mid-delete never leaves a half dataset that lists. */
  async delete(id: string): Promise<void> {
    await this.changing(id, async () => {
      await this.get(id);
      const trash = join(this.root, `.trash-${id}-${randomBytes(3).toString('hex')}`);
      await rename(this.folder(id), trash);
      await rm(trash, { recursive: true, force: true });
    });
  }

  async labels(id: string): Promise<Int32Array> {
    const bytes = await readFile(this.file(id, 'labels'));
    return new Int32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length));
  }

  /** The first n items as 28×28 bytes for a preview grid (reads only n × 784 bytes). */
  async preview(id: string, n: number): Promise<DatasetPreviewItem[]> {
    const manifest = await this.get(id);
    const count = Math.max(0, Math.min(n, manifest.count));
    if (count === 0) return [];
    const bytes = Buffer.alloc(count * 784);
    const handle = await open(this.file(id, 'raster28'), 'r');
    try {
      await handle.read(bytes, 0, bytes.length, 0);
    } finally {
      await handle.close();
    }
    const labelBytes = Buffer.alloc(count * 4);
    const labelHandle = await open(this.file(id, 'labels'), 'r');
    try {
      await labelHandle.read(labelBytes, 0, labelBytes.length, 0);
    } finally {
      await labelHandle.close();
    }
    const out: DatasetPreviewItem[] = [];
    for (let i = 0; i < count; i++) {
      const label = labelBytes.readInt32LE(i * 4);
      out.push({
        index: i,
        category: manifest.categories[label] ?? '',
        pixels: new Uint8Array(bytes.subarray(i * 784, (i + 1) * 784)),
      });
    }
    return out;
  }
}

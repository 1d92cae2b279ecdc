import { randomBytes } from 'node:crypto';
import type { PickedFile } from '../../shared/contract/datasets';

interface Entry extends PickedFile {
  path: string;
  /** Set for uploads: the temp folder to remove once the file was imported. */
  tempFolder?: string;
}

/** At most this many remembered files: a page that picks forever must not grow the host without bound. */
const CAPACITY = 512;

/**
 * The only user-named paths the host accepts: files the person picked in the open dialog, or
 * uploaded into a temp folder. The renderer holds opaque ids; paths never travel back from it.
 */
export class PickedFiles {
  private readonly entries = new Map<string, Entry>();

  add(path: string, name: string, size: number, tempFolder?: string): PickedFile {
    const id = `f-${randomBytes(10).toString('hex')}`;
    this.entries.set(id, { id, name, size, path, tempFolder });
    while (this.entries.size > CAPACITY) this.entries.delete(this.entries.keys().next().value as string);
    return { id, name, size };
  }

  get(id: string): Entry | undefined {
    return this.entries.get(id);
  }

  forget(id: string): void {
    this.entries.delete(id);
  }
}

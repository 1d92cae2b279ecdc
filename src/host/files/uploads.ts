import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PickedFile } from '../../shared/contract/datasets';
import type { Caller } from '../caller';
import type { PickedFiles } from './picked-files';

export const UPLOAD_ERRORS = {
  unknown: 'no such upload (it finished, failed or the studio restarted): pick the file again',
  outOfOrder: (name: string, expected: number, got: number) =>
    `upload chunk of "${name}" out of order: expected offset ${expected}, got ${got}`,
  repeated: (name: string, offset: number) =>
    `upload chunk of "${name}" at offset ${offset} repeats bytes already received`,
  tooLong: (name: string) => `more bytes arrived for "${name}" than its size said`,
  incomplete: (name: string, got: number, size: number) => `"${name}" arrived incomplete (${got} of ${size} bytes)`,
  writeFailed: (name: string) => `could not write the upload of "${name}" into the data folder`,
  tooMany: 'too many uploads at once: wait for the others to finish',
  noFile: (index: number) => `the upload has no file ${index}`,
} as const;

export const UPLOAD_LIMITS = {
  /** Uploads open at once; each holds a temp folder until it finishes or its tab goes away. */
  open: 8,
  /**
   * An upload whose caller cannot say when it is gone (no socket: Electron's IPC) and that is
   * not finished within this long was abandoned: its slot is freed.
   */
  abandonedMs: 60 * 60 * 1000,
  /** Folders left behind (a crash, a folder that could not be removed) are removed after this long. */
  staleMs: 24 * 60 * 60 * 1000,
} as const;

interface UploadFile {
  name: string;
  path: string;
  size: number;
  /** Bytes 0..claimed-1 belong to chunks already accepted (written or being written). */
  claimed: number;
  /** Bytes whose write has finished. */
  written: number;
}

interface OpenUpload {
  folder: string;
  files: UploadFile[];
  startedAt: number;
  /** Whether its caller tells when it is gone (then it never expires). */
  watched: boolean;
  /** Writes under way, awaited before the upload is finished or removed. */
  writes: Set<Promise<void>>;
  /** Stops listening for its caller going away. */
  unwatch: () => void;
}

/** Keeps a file's own name (sibling IDX labels and category-from-name depend on it) but nothing path-like. */
export function safeFileName(name: string, taken: Set<string>): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  let clean = base.replace(/[^A-Za-z0-9._-]/g, '_').slice(-100);
  if (clean === '' || /^\.+$/.test(clean)) clean = 'file';
  let candidate = clean;
  for (let i = 2; taken.has(candidate); i++) candidate = `${i}-${clean}`;
  taken.add(candidate);
  return candidate;
}

/**
 * Browser mode cannot give paths, so picked files are sent in chunks (each well under the
 * WebSocket's message cap) into a temp folder in the data home, then imported from there.
 * Each chunk claims its bytes before it is written, so a chunk sent twice (even both at once)
 * is refused rather than counted twice: an upload completes only when every byte 0..size-1
 * was written by exactly one chunk.
 */
export class Uploads {
  private readonly open = new Map<string, OpenUpload>();

  constructor(
    private readonly root: string,
    private readonly picked: PickedFiles,
  ) {}

  async begin(files: Array<{ name: string; size: number }>, caller?: Caller): Promise<{ uploadId: string }> {
    for (const [id, upload] of this.open) {
      if (!upload.watched && Date.now() - upload.startedAt > UPLOAD_LIMITS.abandonedMs) await this.abandon(id);
    }
    if (this.open.size >= UPLOAD_LIMITS.open) throw new Error(UPLOAD_ERRORS.tooMany);
    const uploadId = `up-${randomBytes(10).toString('hex')}`;
    const folder = join(this.root, uploadId);
    // Takes its slot before the first await, so uploads begun at once cannot pass the cap.
    const upload: OpenUpload = {
      folder,
      files: [],
      startedAt: Date.now(),
      watched: caller !== undefined,
      writes: new Set(),
      unwatch: () => {},
    };
    this.open.set(uploadId, upload);
    try {
      await this.removeStale();
      await mkdir(folder, { recursive: true });
      const taken = new Set<string>();
      for (const file of files) {
        const path = join(folder, safeFileName(file.name, taken));
        await (await open(path, 'w')).close();
        upload.files.push({ name: file.name, path, size: file.size, claimed: 0, written: 0 });
      }
    } catch (error) {
      await this.abandon(uploadId);
      throw error;
    }
    // A closed tab never finishes its upload: its slot and folder are freed when its socket closes.
    // A folder that cannot be removed now is removed as stale later.
    if (this.open.has(uploadId))
      upload.unwatch = caller?.onGone(() => void this.abandon(uploadId).catch(() => {})) ?? upload.unwatch;
    return { uploadId };
  }

  async chunk(uploadId: string, index: number, offset: number, bytes: Uint8Array): Promise<{ received: number }> {
    const upload = this.open.get(uploadId);
    if (!upload) throw new Error(UPLOAD_ERRORS.unknown);
    const file = upload.files[index];
    if (!file) throw new Error(UPLOAD_ERRORS.noFile(index));
    if (offset < file.claimed) throw new Error(UPLOAD_ERRORS.repeated(file.name, offset));
    if (offset > file.claimed) throw new Error(UPLOAD_ERRORS.outOfOrder(file.name, file.claimed, offset));
    if (offset + bytes.length > file.size) {
      await this.abandon(uploadId);
      throw new Error(UPLOAD_ERRORS.tooLong(file.name));
    }
    // Claimed before the first await: the same chunk arriving meanwhile finds its bytes taken.
    file.claimed += bytes.length;
    const writing = writeAt(file.path, bytes, offset).then(() => {
      file.written += bytes.length;
    });
    upload.writes.add(writing);
    try {
      await writing;
    } catch (error) {
      await this.abandon(uploadId);
      throw new Error(UPLOAD_ERRORS.writeFailed(file.name), { cause: error });
    } finally {
      upload.writes.delete(writing);
    }
    return { received: file.written };
  }

  async finish(uploadId: string): Promise<PickedFile[]> {
    const upload = this.open.get(uploadId);
    if (!upload) throw new Error(UPLOAD_ERRORS.unknown);
    this.open.delete(uploadId);
    upload.unwatch();
    // Chunks sent without waiting for their answers may still be being written.
    await Promise.allSettled(upload.writes);
    const short = upload.files.find((f) => f.written !== f.size);
    if (short) {
      await rm(upload.folder, { recursive: true, force: true });
      throw new Error(UPLOAD_ERRORS.incomplete(short.name, short.written, short.size));
    }
    for (const file of upload.files) {
      const handle = await open(file.path, 'r+');
      await handle.sync();
      await handle.close();
    }
    return upload.files.map((f) => this.picked.add(f.path, f.name, f.size, upload.folder));
  }

  async abandon(uploadId: string): Promise<void> {
    const upload = this.open.get(uploadId);
    if (!upload) return;
    this.open.delete(uploadId);
    upload.unwatch();
    await Promise.allSettled(upload.writes);
    await rm(upload.folder, { recursive: true, force: true });
  }

  private async removeStale(): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      if (!name.startsWith('up-') || this.open.has(name)) continue;
      const info = await stat(join(this.root, name)).catch(() => undefined);
      if (info && now - info.mtimeMs > UPLOAD_LIMITS.staleMs)
        await rm(join(this.root, name), { recursive: true, force: true });
    }
  }
}

async function writeAt(path: string, bytes: Uint8Array, offset: number): Promise<void> {
  const handle = await open(path, 'r+');
  try {
    await handle.write(bytes, 0, bytes.length, offset);
  } finally {
    await handle.close();
  }
}

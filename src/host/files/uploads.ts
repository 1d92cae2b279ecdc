import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { PickedFile } from '../../shared/contract/datasets';
import type { PickedFiles } from './picked-files';

export const UPLOAD_ERRORS = {
  unknown: 'no such upload (it finished, failed or the studio restarted): pick the file again',
  outOfOrder: (expected: number, got: number) => `upload chunk out of order: expected offset ${expected}, got ${got}`,
  tooLong: (name: string) => `more bytes arrived for "${name}" than its size said`,
  incomplete: (name: string, got: number, size: number) => `"${name}" arrived incomplete (${got} of ${size} bytes)`,
  tooMany: 'too many uploads at once: wait for the others to finish',
  noFile: (index: number) => `the upload has no file ${index}`,
} as const;

/** Uploads left behind (a closed tab, a crash) are removed after this long. */
const STALE_MS = 24 * 60 * 60 * 1000;
const MAX_OPEN = 8;
/** An upload not finished within this long was abandoned (a closed tab): its slot is freed. */
const ABANDONED_MS = 60 * 60 * 1000;

interface UploadFile {
  name: string;
  path: string;
  size: number;
  received: number;
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
 */
export class Uploads {
  private readonly open = new Map<string, { folder: string; files: UploadFile[]; startedAt: number }>();

  constructor(
    private readonly root: string,
    private readonly picked: PickedFiles,
  ) {}

  async begin(files: Array<{ name: string; size: number }>): Promise<{ uploadId: string }> {
    for (const [id, upload] of this.open) {
      if (Date.now() - upload.startedAt > ABANDONED_MS) await this.abandon(id);
    }
    if (this.open.size >= MAX_OPEN) throw new Error(UPLOAD_ERRORS.tooMany);
    await this.removeStale();
    const uploadId = `up-${randomBytes(10).toString('hex')}`;
    const folder = join(this.root, uploadId);
    await mkdir(folder, { recursive: true });
    const taken = new Set<string>();
    const entries: UploadFile[] = [];
    for (const file of files) {
      const path = join(folder, safeFileName(file.name, taken));
      await (await open(path, 'w')).close();
      entries.push({ name: file.name, path, size: file.size, received: 0 });
    }
    this.open.set(uploadId, { folder, files: entries, startedAt: Date.now() });
    return { uploadId };
  }

  async chunk(uploadId: string, index: number, offset: number, bytes: Uint8Array): Promise<{ received: number }> {
    const upload = this.open.get(uploadId);
    if (!upload) throw new Error(UPLOAD_ERRORS.unknown);
    const file = upload.files[index];
    if (!file) throw new Error(UPLOAD_ERRORS.noFile(index));
    if (offset !== file.received) throw new Error(UPLOAD_ERRORS.outOfOrder(file.received, offset));
    if (offset + bytes.length > file.size) {
      await this.abandon(uploadId);
      throw new Error(UPLOAD_ERRORS.tooLong(file.name));
    }
    const handle = await open(file.path, 'r+');
    try {
      await handle.write(bytes, 0, bytes.length, offset);
    } finally {
      await handle.close();
    }
    file.received += bytes.length;
    return { received: file.received };
  }

  async finish(uploadId: string): Promise<PickedFile[]> {
    const upload = this.open.get(uploadId);
    if (!upload) throw new Error(UPLOAD_ERRORS.unknown);
    this.open.delete(uploadId);
    const short = upload.files.find((f) => f.received !== f.size);
    if (short) {
      await rm(upload.folder, { recursive: true, force: true });
      throw new Error(UPLOAD_ERRORS.incomplete(short.name, short.received, short.size));
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
    this.open.delete(uploadId);
    if (upload) await rm(upload.folder, { recursive: true, force: true });
  }

  private async removeStale(): Promise<void> {
    const names = await readdir(this.root).catch(() => [] as string[]);
    const now = Date.now();
    for (const name of names) {
      if (!name.startsWith('up-') || this.open.has(name)) continue;
      const info = await stat(join(this.root, name)).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_MS) await rm(join(this.root, name), { recursive: true, force: true });
    }
  }
}

import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PickedFiles } from '../../../src/host/files/picked-files';
import { safeFileName, UPLOAD_ERRORS, Uploads } from '../../../src/host/files/uploads';
import { refuseInternalChannels } from '../../../src/host/files/handlers';
import { tempDir } from '../../helpers/temp-folder';

describe('browser-mode uploads into the data home', () => {
  const root = tempDir('uploads');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('chunks arrive in order into a file with the original name, and the host hands out an id', async () => {
    const picked = new PickedFiles();
    const uploads = new Uploads(root, picked);
    const { uploadId } = await uploads.begin([{ name: 't10k-images-idx3-ubyte.gz', size: 6 }]);
    await uploads.chunk(uploadId, 0, 0, new Uint8Array([1, 2, 3]));
    await expect(uploads.chunk(uploadId, 0, 5, new Uint8Array([9]))).rejects.toThrow(UPLOAD_ERRORS.outOfOrder(3, 5));
    await uploads.chunk(uploadId, 0, 3, new Uint8Array([4, 5, 6]));
    const [file] = await uploads.finish(uploadId);
    expect(file).toMatchObject({ name: 't10k-images-idx3-ubyte.gz', size: 6 });
    const entry = picked.get(file.id)!;
    expect(entry.path.endsWith('t10k-images-idx3-ubyte.gz')).toBe(true);
    expect([...readFileSync(entry.path)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(dirname(entry.path).startsWith(root)).toBe(true);
  });

  test('an incomplete upload is refused and its temp folder removed', async () => {
    const uploads = new Uploads(root, new PickedFiles());
    const { uploadId } = await uploads.begin([{ name: 'cat.ndjson', size: 10 }]);
    await uploads.chunk(uploadId, 0, 0, new Uint8Array(4));
    await expect(uploads.finish(uploadId)).rejects.toThrow(UPLOAD_ERRORS.incomplete('cat.ndjson', 4, 10));
    expect(existsSync(join(root, uploadId))).toBe(false);
    await expect(uploads.chunk(uploadId, 0, 4, new Uint8Array(1))).rejects.toThrow(UPLOAD_ERRORS.unknown);
  });

  test('file names never escape the upload folder', () => {
    const taken = new Set<string>();
    expect(safeFileName('../../etc/passwd', taken)).toBe('passwd');
    expect(safeFileName('..', taken)).toBe('file');
    expect(safeFileName('C:\\x\\a b.npy', taken)).toBe('a_b.npy');
    expect(safeFileName('a_b.npy', taken)).toBe('2-a_b.npy');
  });

  test('pages cannot call the engine channel that takes paths', async () => {
    const router = refuseInternalChannels(async () => ({ ok: true, value: 'reached' }));
    expect(await router('datasets:import-paths', { paths: ['/etc/passwd'], names: ['x'] })).toMatchObject({
      ok: false,
      error: { code: 'internal-channel' },
    });
    expect(await router('datasets:list', {})).toEqual({ ok: true, value: 'reached' });
  });
});

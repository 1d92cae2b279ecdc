import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { PickedFiles } from '../../../src/host/files/picked-files';
import { callerScope } from '../../../src/host/caller';
import { safeFileName, UPLOAD_ERRORS, UPLOAD_LIMITS, Uploads } from '../../../src/host/files/uploads';
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
    await expect(uploads.chunk(uploadId, 0, 5, new Uint8Array([9]))).rejects.toThrow(
      UPLOAD_ERRORS.outOfOrder('t10k-images-idx3-ubyte.gz', 3, 5),
    );
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

  test('a chunk sent twice, even at once, is written and counted once: the half file is refused', async () => {
    const uploads = new Uploads(root, new PickedFiles());
    const { uploadId } = await uploads.begin([{ name: 'twice.npy', size: 6 }]);
    const half = new Uint8Array([1, 2, 3]);
    const [first, second] = await Promise.allSettled([
      uploads.chunk(uploadId, 0, 0, half),
      uploads.chunk(uploadId, 0, 0, half),
    ]);
    expect(first).toEqual({ status: 'fulfilled', value: { received: 3 } });
    expect(second).toMatchObject({ status: 'rejected', reason: { message: UPLOAD_ERRORS.repeated('twice.npy', 0) } });
    await expect(uploads.chunk(uploadId, 0, 1, new Uint8Array(2))).rejects.toThrow(
      UPLOAD_ERRORS.repeated('twice.npy', 1),
    );
    await expect(uploads.finish(uploadId)).rejects.toThrow(UPLOAD_ERRORS.incomplete('twice.npy', 3, 6));
  });

  test('chunks sent without waiting for their answers are all written before finish answers', async () => {
    const picked = new PickedFiles();
    const uploads = new Uploads(root, picked);
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => i % 251);
    const { uploadId } = await uploads.begin([{ name: 'piped.ndjson', size: bytes.length }]);
    const sent = [0, 1024, 2048, 3072].map((offset) =>
      uploads.chunk(uploadId, 0, offset, bytes.subarray(offset, offset + 1024)),
    );
    const [file] = await uploads.finish(uploadId);
    await Promise.all(sent);
    expect(new Uint8Array(readFileSync(picked.get(file.id)!.path))).toEqual(bytes);
  });

  test('an upload whose caller went away (a closed tab) frees its slot and its folder at once', async () => {
    const uploads = new Uploads(root, new PickedFiles());
    const tabs = Array.from({ length: UPLOAD_LIMITS.open }, () => callerScope());
    const ids: string[] = [];
    for (const tab of tabs) {
      const { uploadId } = await uploads.begin([{ name: 'cat.ndjson', size: 10 }], tab.caller);
      await uploads.chunk(uploadId, 0, 0, new Uint8Array(4));
      ids.push(uploadId);
    }
    await expect(uploads.begin([{ name: 'dog.ndjson', size: 1 }])).rejects.toThrow(UPLOAD_ERRORS.tooMany);
    for (const tab of tabs) tab.end();
    await expect.poll(() => ids.filter((id) => existsSync(join(root, id))).length).toBe(0);
    const { uploadId } = await uploads.begin([{ name: 'dog.ndjson', size: 1 }]);
    await uploads.chunk(uploadId, 0, 0, new Uint8Array(1));
    expect(await uploads.finish(uploadId)).toHaveLength(1);
    await expect(uploads.chunk(ids[0], 0, 4, new Uint8Array(1))).rejects.toThrow(UPLOAD_ERRORS.unknown);
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

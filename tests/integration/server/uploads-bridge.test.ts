import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type WebSocket from 'ws';
import { appHostHandlers } from '../../../src/host/app-handlers';
import { fileHostHandlers, noDialogHostHandlers } from '../../../src/host/files/handlers';
import { UPLOAD_ERRORS, UPLOAD_LIMITS } from '../../../src/host/files/uploads';
import { createRouter } from '../../../src/host/router';
import { startStudioServer, type StudioServer } from '../../../src/server/server';
import { scriptedEngine } from '../../helpers/scripted-engine';
import { call, openSocket } from '../../helpers/studio-socket';
import { tempDir } from '../../helpers/temp-folder';

const TOKEN = 'test-token-uploads-bridge-01';

describe('uploads over the WebSocket bridge', () => {
  let server: StudioServer;
  let dataHome: string;
  let origin: string;
  const open = () => openSocket(server.port, { origin, token: TOKEN });
  const uploadFolders = () =>
    existsSync(join(dataHome, 'uploads'))
      ? readdirSync(join(dataHome, 'uploads')).filter((name) => name.startsWith('up-'))
      : [];

  beforeAll(async () => {
    const rendererDir = tempDir('renderer');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>LatentDraw</title>');
    dataHome = tempDir('home');
    const { supervisor } = scriptedEngine(null);
    const router = createRouter(supervisor, {
      ...appHostHandlers(supervisor, { host: 'browser', version: 'test', versions: {} }),
      ...fileHostHandlers(supervisor, dataHome),
      ...noDialogHostHandlers(),
    });
    server = await startStudioServer({ rendererDir, token: TOKEN, router, supervisor });
    origin = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    await server?.close();
  });

  async function begin(ws: WebSocket, id: number, name: string, size: number): Promise<string> {
    const envelope = await call(ws, id, 'uploads:begin', { files: [{ name, size }] });
    if (!envelope.ok) throw new Error(envelope.error.message);
    return (envelope.value as { uploadId: string }).uploadId;
  }

  test('tabs closed mid-upload free their slots and folders, so the next upload is let in', async () => {
    for (let tab = 0; tab < UPLOAD_LIMITS.open; tab++) {
      const ws = await open();
      const uploadId = await begin(ws, 1, `cat-${tab}.ndjson`, 100);
      expect(await call(ws, 2, 'uploads:chunk', { uploadId, file: 0, offset: 0, bytes: new Uint8Array(10) })).toEqual({
        ok: true,
        value: { received: 10 },
      });
      ws.close();
    }
    await expect.poll(() => uploadFolders()).toEqual([]);
    const ws = await open();
    const uploadId = await begin(ws, 1, 'dog.ndjson', 3);
    await call(ws, 2, 'uploads:chunk', { uploadId, file: 0, offset: 0, bytes: new Uint8Array([1, 2, 3]) });
    expect(await call(ws, 3, 'uploads:finish', { uploadId })).toMatchObject({
      ok: true,
      value: [{ name: 'dog.ndjson', size: 3 }],
    });
    ws.close();
  });

  test('a chunk sent twice back to back is counted once, and the half file is refused', async () => {
    const ws = await open();
    const uploadId = await begin(ws, 1, 'half.npy', 6);
    const chunk = { uploadId, file: 0, offset: 0, bytes: new Uint8Array([1, 2, 3]) };
    const [first, second] = await Promise.all([
      call(ws, 2, 'uploads:chunk', chunk),
      call(ws, 3, 'uploads:chunk', chunk),
    ]);
    expect(first).toEqual({ ok: true, value: { received: 3 } });
    expect(second).toMatchObject({ ok: false, error: { message: UPLOAD_ERRORS.repeated('half.npy', 0) } });
    expect(await call(ws, 4, 'uploads:finish', { uploadId })).toMatchObject({
      ok: false,
      error: { message: UPLOAD_ERRORS.incomplete('half.npy', 3, 6) },
    });
    ws.close();
  });
});

import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { fileHostHandlers, noDialogHostHandlers } from '../../../src/host/files/handlers';
import { appHostHandlers } from '../../../src/host/app-handlers';
import { createRouter } from '../../../src/host/router';
import type { EngineSupervisor } from '../../../src/host/supervisor';
import { SERVER_LIMITS, startStudioServer, type StudioServer } from '../../../src/server/server';
import { decodeWire, encodeWire } from '../../../src/shared/contract/wire';
import type { ServerMessage } from '../../../src/shared/contract/ws-protocol';
import { sourceEngineSupervisor } from '../../helpers/engine';
import { tempDir } from '../../helpers/temp-folder';

const TOKEN = 'test-token-0123456789';

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

function connect(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, origin ? { origin } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused with ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<ServerMessage> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(decodeWire(data.toString()) as ServerMessage)));
}

describe('browser-mode server refuses strangers and survives hostile messages', () => {
  let server: StudioServer;
  let supervisor: EngineSupervisor;
  let origin: string;
  let wsUrl: string;

  beforeAll(async () => {
    const rendererDir = tempDir('renderer');
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>LatentDraw</title>');
    const engine = sourceEngineSupervisor();
    supervisor = engine.supervisor;
    supervisor.start();
    const router = createRouter(supervisor, {
      ...appHostHandlers(supervisor, { host: 'browser', version: 'test', versions: {} }),
      ...fileHostHandlers(supervisor, engine.dataHome),
      ...noDialogHostHandlers(),
    });
    server = await startStudioServer({ rendererDir, token: TOKEN, router, supervisor });
    origin = `http://127.0.0.1:${server.port}`;
    wsUrl = `ws://127.0.0.1:${server.port}/ws?token=${TOKEN}`;
    await supervisor.whenReady();
  });

  afterAll(async () => {
    await server?.close();
    supervisor?.stop();
  });

  test('serves the page only with the token, and sets CSP', async () => {
    expect(await get(server.port, '/')).toBe(401);
    expect(await get(server.port, '/?token=wrong')).toBe(401);
    expect(await get(server.port, `/?token=${TOKEN}`)).toBe(200);
    expect(await get(server.port, '/', { cookie: `latentdraw_token=${TOKEN}` })).toBe(200);
    const csp = await new Promise<string | undefined>((resolve) => {
      httpRequest({ host: '127.0.0.1', port: server.port, path: `/?token=${TOKEN}` }, (res) => {
        res.resume();
        resolve(res.headers['content-security-policy'] as string | undefined);
      }).end();
    });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
  });

  test('refuses a foreign Host (DNS rebinding) and a foreign Origin', async () => {
    expect(await get(server.port, `/?token=${TOKEN}`, { host: `attacker.example:${server.port}` })).toBe(421);
    expect(await get(server.port, `/?token=${TOKEN}`, { origin: 'http://attacker.example' })).toBe(403);
  });

  test('does not serve files outside the renderer folder', async () => {
    expect(await get(server.port, `/../../etc/passwd?token=${TOKEN}`)).toBe(404);
    expect(await get(server.port, `/%2e%2e/%2e%2e/etc/passwd?token=${TOKEN}`)).toBe(404);
  });

  test('refuses WebSocket handshakes without the token, from another site, or via another host name', async () => {
    await expect(connect(`ws://127.0.0.1:${server.port}/ws`, origin)).rejects.toThrow('403');
    await expect(connect(wsUrl, 'http://attacker.example')).rejects.toThrow('403');
    await expect(connect(wsUrl)).rejects.toThrow('403');
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(wsUrl, { origin, headers: { host: `rebind.example:${server.port}` } });
        ws.once('open', resolve);
        ws.once('unexpected-response', (_r, res) => reject(new Error(`refused with ${res.statusCode}`)));
      }),
    ).rejects.toThrow('403');
  });

  test('answers hostile messages with errors and keeps serving', async () => {
    const ws = await connect(wsUrl, origin);
    const hostile: Array<[string | Buffer, string]> = [
      ['not json', 'message is not valid JSON'],
      ['[1,2]', 'message must be an object'],
      ['{"id":-1,"channel":"app:info","payload":{}}', 'message id must be a non-negative integer'],
      [Buffer.from([1, 2, 3]), 'binary messages are not accepted'],
    ];
    for (const [data, expected] of hostile) {
      const reply = nextMessage(ws);
      ws.send(data, { binary: Buffer.isBuffer(data) });
      expect(await reply).toEqual({ kind: 'error', message: expected });
    }
    const cases: Array<[unknown, string]> = [
      [{ id: 1, channel: 'fs:readAnything', payload: {} }, 'unknown-channel'],
      [{ id: 2, channel: '__proto__', payload: {} }, 'unknown-channel'],
      [{ id: 3, channel: 'engine:ping', payload: { nonce: 'x' } }, 'invalid-request'],
      [{ id: 4, channel: 'engine:ping', payload: { nonce: 1, extra: true } }, 'invalid-request'],
      [{ id: 5, channel: 'engine:ping', payload: null }, 'invalid-request'],
    ];
    for (const [message, code] of cases) {
      const reply = nextMessage(ws);
      ws.send(encodeWire(message));
      expect(await reply).toMatchObject({ kind: 'reply', envelope: { ok: false, error: { code } } });
    }
    const ok = nextMessage(ws);
    ws.send(encodeWire({ id: 6, channel: 'engine:ping', payload: { nonce: 42 } }));
    expect(await ok).toEqual({ kind: 'reply', id: 6, envelope: { ok: true, value: { nonce: 42, backend: 'wasm' } } });
    ws.close();
  });

  test('closes a connection that sends an oversized message, and others still work', async () => {
    const ws = await connect(wsUrl, origin);
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(SERVER_LIMITS.maxMessageBytes + 1));
    expect(await closed).toBe(1009);
    const again = await connect(wsUrl, origin);
    const reply = nextMessage(again);
    again.send(encodeWire({ id: 1, channel: 'app:info', payload: {} }));
    expect(await reply).toMatchObject({
      kind: 'reply',
      envelope: { ok: true, value: { name: 'LatentDraw', host: 'browser' } },
    });
    again.close();
  });
});

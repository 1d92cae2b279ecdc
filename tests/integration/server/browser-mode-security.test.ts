import { writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { fileHostHandlers, noDialogHostHandlers } from '../../../src/host/files/handlers';
import { appHostHandlers } from '../../../src/host/app-handlers';
import { createRouter } from '../../../src/host/router';
import type { EngineSupervisor } from '../../../src/host/supervisor';
import { pageCookie } from '../../../src/server/security';
import { SERVER_LIMITS, startStudioServer, type StudioServer } from '../../../src/server/server';
import { wsProtocols } from '../../../src/shared/contract/ws-protocol';
import { encodeWire } from '../../../src/shared/contract/wire';
import { sourceEngineSupervisor } from '../../helpers/engine';
import { get as getAnswer, nextMessage, openSocket } from '../../helpers/studio-socket';
import { tempDir } from '../../helpers/temp-folder';

const TOKEN = 'test-token-0123456789';

async function get(port: number, path: string, headers: Record<string, string> = {}): Promise<number> {
  return (await getAnswer(port, path, headers)).status;
}

describe('browser-mode server refuses strangers and survives hostile messages', () => {
  let server: StudioServer;
  let supervisor: EngineSupervisor;
  let origin: string;
  const connect = (options: { origin?: string; token?: string; headers?: Record<string, string> } = {}) =>
    openSocket(server.port, options);

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
    await expect(connect({ origin })).rejects.toThrow('403');
    await expect(connect({ origin, token: 'wrong' })).rejects.toThrow('403');
    await expect(connect({ origin: 'http://attacker.example', token: TOKEN })).rejects.toThrow('403');
    await expect(connect({ token: TOKEN })).rejects.toThrow('403');
    await expect(connect({ origin, token: TOKEN, headers: { host: `rebind.example:${server.port}` } })).rejects.toThrow(
      '403',
    );
    // The token in the URL, where a log or a Referer could keep it, is not how the socket is opened.
    await expect(
      new Promise((resolve, reject) => {
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${TOKEN}`, { origin });
        ws.once('open', resolve);
        ws.once('unexpected-response', (_r, res) => reject(new Error(`refused with ${res.statusCode}`)));
      }),
    ).rejects.toThrow('403');
    (await connect({ origin, token: TOKEN })).close();
  });

  test('the page cookie is not the token, works on this server only, and opens no WebSocket', async () => {
    const page = await getAnswer(server.port, `/?token=${TOKEN}`);
    const [setCookie] = page.headers['set-cookie'] ?? [];
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Strict/);
    expect(setCookie).not.toContain(TOKEN);
    const cookie = setCookie.split(';')[0];
    // With it, the page loads its scripts and styles (which carry no token) from this server.
    expect(await get(server.port, '/', { cookie })).toBe(200);
    // Browsers send a 127.0.0.1 cookie to every port there: a server on another port that got
    // it, or the token the old cookie carried, opens no socket here.
    const value = cookie.slice(cookie.indexOf('=') + 1);
    await expect(connect({ origin, headers: { cookie } })).rejects.toThrow('403');
    await expect(connect({ origin, token: value })).rejects.toThrow('403');
    await expect(connect({ origin, headers: { cookie: `latentdraw_token=${TOKEN}` } })).rejects.toThrow('403');
    expect(await get(server.port, '/', { cookie: `latentdraw_token=${TOKEN}` })).toBe(401);
    // What this token gives another port's server is refused here, under either name.
    const other = pageCookie(TOKEN, server.port + 1);
    const here = pageCookie(TOKEN, server.port);
    expect(other.value).not.toBe(here.value);
    expect(await get(server.port, '/', { cookie: `${here.name}=${other.value}` })).toBe(401);
    expect(await get(server.port, '/', { cookie: `${other.name}=${other.value}` })).toBe(401);
    expect(await get(server.port, '/', { cookie: `${here.name}=${here.value}` })).toBe(200);
  });

  test('the socket answers with the studio protocol, never echoing the token', async () => {
    const ws = await connect({ origin, token: TOKEN });
    expect(ws.protocol).toBe(wsProtocols(TOKEN)[0]);
    ws.close();
  });

  test('answers hostile messages with errors and keeps serving', async () => {
    const ws = await connect({ origin, token: TOKEN });
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
    const ws = await connect({ origin, token: TOKEN });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send('x'.repeat(SERVER_LIMITS.maxMessageBytes + 1));
    expect(await closed).toBe(1009);
    const again = await connect({ origin, token: TOKEN });
    const reply = nextMessage(again);
    again.send(encodeWire({ id: 1, channel: 'app:info', payload: {} }));
    expect(await reply).toMatchObject({
      kind: 'reply',
      envelope: { ok: true, value: { name: 'LatentDraw', host: 'browser' } },
    });
    again.close();
  });
});

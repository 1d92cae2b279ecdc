import { Agent } from 'node:http';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openIdleConnections } from '../../helpers/idle-connections';
import { spawnUnderFdLimit } from '../../helpers/processes';
import { call, get, openSocket, type HttpAnswer, type SpawnedServer } from '../../helpers/studio-socket';

/** Far below this machine's limit, so a few hundred idle sockets exhaust it. */
const FD_LIMIT = 256;
const FLOOD = 400;
/** A page loads its script, styles, wasm and fonts at once over the browser's six connections. */
const PAGE_FILES = 6;

/** The server in its own process under `ulimit -n FD_LIMIT`. */
async function spawnServer(cap: 'default' | 'none'): Promise<SpawnedServer> {
  const child = spawnUnderFdLimit(
    FD_LIMIT,
    process.execPath,
    ['--import', 'tsx', resolve('tests/fixtures/studio-server.ts'), cap],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const started = await new Promise<{ port: number; token: string }>((ok, fail) => {
    child.once('message', (message) => ok(message as { port: number; token: string }));
    child.once('exit', (code) => fail(new Error(`the server exited with ${code} before it started`)));
  });
  return { child, ...started };
}

/** Two waves: the second takes the descriptors the server freed after the first (start-up files). */
async function flood(port: number): Promise<Socket[]> {
  const { sockets } = await openIdleConnections(port, 2 * FLOOD, { wave: FLOOD, pauseMs: 300 });
  return sockets;
}

/** The cookie a browser would send back with the page's next requests. */
function pageCookie(answer: HttpAnswer): string {
  const [setCookie] = answer.headers['set-cookie'] ?? [];
  if (!setCookie) throw new Error('the page set no cookie');
  return setCookie.split(';')[0];
}

describe('browser-mode server under a flood of idle connections', () => {
  let spawned: SpawnedServer | undefined;
  afterEach(() => {
    spawned?.child.kill('SIGKILL');
    spawned = undefined;
  });

  test('caps sockets without the token, so the person still loads pages and calls the studio', async () => {
    spawned = await spawnServer('default');
    const { port, token, child } = spawned;
    const origin = `http://127.0.0.1:${port}`;
    // The person's page is open: a keep-alive connection and the studio's WebSocket.
    const agent = new Agent({ keepAlive: true, maxSockets: PAGE_FILES });
    const first = await Promise.all(Array.from({ length: PAGE_FILES }, () => get(port, `/?token=${token}`, {}, agent)));
    expect(first.map((answer) => answer.status)).toEqual(first.map(() => 200));
    const cookie = pageCookie(first[0]);
    const ws = await openSocket(port, { origin, token });
    const idle = await flood(port);
    // The page asks for its files over its open connections, and the studio over its socket.
    const files = await Promise.all(
      Array.from({ length: PAGE_FILES }, () => get(port, '/index.html', { cookie }, agent)),
    );
    expect(files.map((answer) => answer.status)).toEqual(files.map(() => 200));
    expect(files[0].body).toContain('LatentDraw');
    expect(await call(ws, 1, 'app:info', {})).toMatchObject({ ok: true, value: { name: 'LatentDraw' } });
    // A fresh page load, while the flood still holds connections, is answered too.
    expect((await get(port, `/?token=${token}`)).status).toBe(200);
    const again = await openSocket(port, { origin, token });
    expect(await call(again, 2, 'app:info', {})).toMatchObject({ ok: true });
    expect(child.exitCode).toBeNull();
    for (const socket of idle) socket.destroy();
    ws.close();
    again.close();
    agent.destroy();
  });

  test('a file that cannot be opened (no descriptors left) is answered 503, and the server lives on', async () => {
    spawned = await spawnServer('none');
    const { port, token, child } = spawned;
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await get(port, `/?token=${token}`, {}, agent)).status).toBe(200);
    const idle = await flood(port);
    const page = await get(port, `/index.html?token=${token}`, {}, agent);
    expect(page.status).toBe(503);
    for (const socket of idle) socket.destroy();
    await new Promise((ok) => setTimeout(ok, 300));
    expect(child.exitCode).toBeNull();
    expect((await get(port, `/index.html?token=${token}`, {}, agent)).status).toBe(200);
    agent.destroy();
  });
});

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type WebSocket from 'ws';
import { appHostHandlers } from '../../../src/host/app-handlers';
import { fileHostHandlers, noDialogHostHandlers } from '../../../src/host/files/handlers';
import { createRouter } from '../../../src/host/router';
import { SERVER_LIMITS, startStudioServer, type StudioServer } from '../../../src/server/server';
import { decodeWire, encodeWire } from '../../../src/shared/contract/wire';
import type { ServerMessage } from '../../../src/shared/contract/ws-protocol';
import { scriptedEngine } from '../../helpers/scripted-engine';
import { openSocket } from '../../helpers/studio-socket';
import { tempDir } from '../../helpers/temp-folder';

const TOKEN = 'test-token-backpressure-0123';
const REQUESTS = 1200;
/** About what a 200-item preview weighs on the wire. */
const REPLY = 'x'.repeat(64 * 1024);

async function serve(engine: ReturnType<typeof scriptedEngine>): Promise<StudioServer> {
  const rendererDir = tempDir('renderer');
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>LatentDraw</title>');
  const { supervisor } = engine;
  const router = createRouter(supervisor, {
    ...appHostHandlers(supervisor, { host: 'browser', version: 'test', versions: {} }),
    ...fileHostHandlers(supervisor, tempDir('home')),
    ...noDialogHostHandlers(),
  });
  return startStudioServer({ rendererDir, token: TOKEN, router, supervisor });
}

function flood(ws: WebSocket, count: number): void {
  for (let id = 1; id <= count; id++) {
    ws.send(encodeWire({ id, channel: 'datasets:preview', payload: { id: 'ds-cats', count: 200 } }));
  }
}

const settle = () => new Promise((ok) => setTimeout(ok, 250));

describe('browser-mode server: a client that floods requests and stops reading', () => {
  let server: StudioServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  test('the engine gets a bounded number at once, reading stops while replies pile up, and every request is answered', async () => {
    const engine = scriptedEngine(REPLY);
    server = await serve(engine);
    const ws = await openSocket(server.port, { origin: `http://127.0.0.1:${server.port}`, token: TOKEN });
    const client = () => server!.connections().clients[0];
    ws.pause();
    flood(ws, REQUESTS);

    // The engine holds its requests: the server takes no more than the cap off the socket.
    const cap = SERVER_LIMITS.maxRequestsInFlight;
    await expect.poll(() => engine.counts.received).toBe(cap);
    await expect.poll(() => client()?.pausedBy).toBe('requests');
    await settle();
    expect(engine.counts.received).toBe(cap);
    expect(client().inFlight).toBe(cap);

    // The engine answers at once, but the client reads nothing: the server stops reading once
    // its unsent replies pass the mark, instead of asking the engine for more.
    engine.release();
    await expect.poll(() => client()?.pausedBy, { timeout: 30_000 }).toBe('buffer');
    await expect.poll(() => client()?.inFlight).toBe(0);
    expect(client().bufferedAmount).toBeGreaterThanOrEqual(SERVER_LIMITS.pauseReadingAtBufferedBytes);
    const taken = engine.counts.received;
    await settle();
    expect(engine.counts.received).toBe(taken);
    expect(taken).toBeLessThan(REQUESTS);

    // Once the client reads again, every request is answered, once, in order.
    const ids: number[] = [];
    ws.on('message', (data) => {
      const message = decodeWire(data.toString()) as ServerMessage;
      if (message.kind === 'reply' && message.envelope.ok) ids.push(message.id);
    });
    ws.resume();
    await expect.poll(() => ids.length, { timeout: 60_000 }).toBe(REQUESTS);
    expect(ids).toEqual(Array.from({ length: REQUESTS }, (_, i) => i + 1));
    expect(engine.counts.peak).toBe(cap);
    ws.close();
  });

  test('a client that stops reading its events is dropped once its backlog passes the cap; a reading one keeps them', async () => {
    const engine = scriptedEngine(REPLY);
    server = await serve(engine);
    const origin = `http://127.0.0.1:${server.port}`;
    const stalled = await openSocket(server.port, { origin, token: TOKEN });
    const reading = await openSocket(server.port, { origin, token: TOKEN });
    let received = 0;
    reading.on('message', () => received++);
    stalled.pause();
    const event = { type: 'batch', blob: 'y'.repeat(1024 * 1024) };
    const events = Math.ceil(SERVER_LIMITS.dropClientAtBufferedBytes / (1024 * 1024)) + 16;
    for (let i = 0; i < events; i++) {
      engine.emit('training:progress', event);
      // Gives the reading client's socket a turn, as a training run's pace would.
      await new Promise((ok) => setImmediate(ok));
    }
    await expect.poll(() => server!.connections().clients.length).toBe(1);
    await expect.poll(() => received, { timeout: 30_000 }).toBe(events);
    reading.close();
  });

  test('studio sockets past the cap are refused with 503 until one closes', async () => {
    server = await serve(scriptedEngine(REPLY));
    const options = { origin: `http://127.0.0.1:${server.port}`, token: TOKEN };
    const open = await Promise.all(
      Array.from({ length: SERVER_LIMITS.maxClients }, () => openSocket(server!.port, options)),
    );
    await expect(openSocket(server.port, options)).rejects.toThrow('refused with 503');
    const closed = new Promise((ok) => open[0].once('close', ok));
    open[0].close();
    await closed;
    await expect.poll(() => server!.connections().clients.length).toBe(SERVER_LIMITS.maxClients - 1);
    open.push(await openSocket(server.port, options));
    for (const ws of open) ws.close();
  });
});

// How long the browser-mode server keeps others waiting while it receives the biggest frame
// it accepts (a hostile 16 MB reconstruct): `app:info` round trips are timed meanwhile, and
// set beside what decoding that frame costs on the thread that does it. Usage:
// npx tsx bench/limits/frames.ts
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import WebSocket from 'ws';
import type { Router } from '../../src/host/router';
import type { EngineSupervisor } from '../../src/host/supervisor';
import { decodeFrame } from '../../src/server/frame-decode';
import { SERVER_LIMITS, startStudioServer } from '../../src/server/server';
import { wsProtocols } from '../../src/shared/contract/ws-protocol';

const TOKEN = 'bench-token-0123456789';
const rendererDir = mkdtempSync(join(tmpdir(), 'latentdraw-frames-'));
writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
const router: Router = async () => ({ ok: true, value: { answered: Date.now() } });
const supervisor = { onStatus: () => () => undefined, onEvent: () => () => undefined } as unknown as EngineSupervisor;
const server = await startStudioServer({ rendererDir, token: TOKEN, router, supervisor });

const stroke = JSON.stringify({
  x: new Array<number>(20_000).fill(123.456),
  y: new Array<number>(20_000).fill(654.321),
});
const count = Math.floor((SERVER_LIMITS.maxMessageBytes - 200) / (stroke.length + 1));
const hostile = `{"id":1,"channel":"latent:reconstruct","payload":{"modelId":"user:x","strokes":[${new Array<string>(count).fill(stroke).join(',')}]}}`;

let t = performance.now();
decodeFrame(hostile);
const decodeMs = performance.now() - t;

// The hostile client is its own process (masking 16 MB would stall this one's timer too).
const sender = spawn(
  process.execPath,
  [
    '-e',
    `const W = require('ws'); const ws = new W(process.argv[1], JSON.parse(process.argv[3]), { origin: process.argv[2] });
     const stroke = JSON.stringify({ x: new Array(20000).fill(123.456), y: new Array(20000).fill(654.321) });
     const frame = '{"id":1,"channel":"latent:reconstruct","payload":{"modelId":"user:x","strokes":[' + new Array(${count}).fill(stroke).join(',') + ']}}';
     ws.on('open', () => { process.send('ready'); process.once('message', () => { ws.send(frame); }); });
     ws.on('message', () => { process.send('refused'); ws.close(); });`,
    `ws://127.0.0.1:${server.port}/ws`,
    `http://127.0.0.1:${server.port}`,
    JSON.stringify(wsProtocols(TOKEN)),
  ],
  { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
);
await new Promise((ok) => sender.once('message', ok));
const refused = new Promise<number>((ok) => sender.once('message', () => ok(performance.now() - t)));

// Another client asks app:info every 5 ms while the hostile frame arrives and is decoded.
const other = new WebSocket(`ws://127.0.0.1:${server.port}/ws`, wsProtocols(TOKEN), {
  origin: `http://127.0.0.1:${server.port}`,
});
await new Promise((ok) => other.once('open', ok));
const sentAt = new Map<number, number>();
const trips: number[] = [];
const answered = new Promise<void>((ok) =>
  other.on('message', (data) => {
    const message = JSON.parse(data.toString()) as { id: number };
    trips.push(performance.now() - (sentAt.get(message.id) ?? 0));
    if (trips.length === 100) ok();
  }),
);
t = performance.now();
sender.send('go');
for (let id = 2; id < 102; id++) {
  sentAt.set(id, performance.now());
  other.send(JSON.stringify({ id, channel: 'app:info', payload: {} }));
  await new Promise((ok) => setTimeout(ok, 5));
}
const hostileReply = await refused;
await answered;
trips.sort((a, b) => a - b);
console.log(
  `hostile frame ${(hostile.length / 1e6).toFixed(1)} MB (${count} strokes × 20,000 points): decoding it takes ${decodeMs.toFixed(0)} ms on one thread; refused after ${hostileReply.toFixed(0)} ms`,
);
console.log(
  `app:info meanwhile from another client (100 calls): median ${trips[50].toFixed(1)} ms, worst ${trips[99].toFixed(1)} ms`,
);
other.close();
await server.close();

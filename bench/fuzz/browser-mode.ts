// Hostile clients against a real `latentdraw serve` (the built CLI, its engine a child process):
//   1. twenty thousand idle connections without the token, the server's descriptors capped at
//      1024 (`ulimit -n`), then the person's page load and calls;
//   2. a client with the token that sends 12,000 `datasets:preview` requests (200 MNIST digits,
//      ~220 KB each) and reads nothing, while the person pings the engine.
// Each case prints the peak RSS of the server and of its engine (VmHWM) and passes only under
// 1 GB each, with the server alive and the person answered. Run by `npm run bench:fuzz`, or
// alone after `npm run build`: npx tsx bench/fuzz/browser-mode.ts
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DATASET_LIMITS } from '../../src/shared/contract/datasets';
import { encodeWire } from '../../src/shared/contract/wire';
import { openIdleConnections } from '../../tests/helpers/idle-connections';
import { spawnUnderFdLimit } from '../../tests/helpers/processes';
import { sharedData } from '../../tests/helpers/shared-data';
import { call, get, openSocket, type SpawnedServer } from '../../tests/helpers/studio-socket';

const LIMIT_RSS_MB = 1024;
const CLI = resolve('bin/latentdraw.js');
const IDLE_CONNECTIONS = 20_000;
const SERVER_FD_LIMIT = 1024;
const PREVIEW_REQUESTS = 12_000;
const STALL_SECONDS = 20;

/** `latentdraw serve` on a free port; with `fdLimit`, under that `ulimit -n`. */
async function startServe(home: string, fdLimit?: number): Promise<SpawnedServer> {
  const child = spawnUnderFdLimit(fdLimit, process.execPath, [CLI, 'serve', '--port', '0'], {
    env: { ...process.env, LATENTDRAW_HOME: home },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<URL>((ok, fail) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (m) ok(new URL(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`latentdraw serve exited with ${code}: ${out}`)));
  });
  return { child, port: Number(url.port), token: url.searchParams.get('token')! };
}

/** The engine is the server's one child process. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return [];
  }
}

/** Peak RSS (VmHWM) of a process in MB, or NaN when it is gone. */
function peakMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

function rssLine(serve: SpawnedServer): { ok: boolean; text: string } {
  const engine = childrenOf(serve.child.pid!)[0];
  const server = peakMb(serve.child.pid);
  const engineMb = peakMb(engine);
  const ok = server < LIMIT_RSS_MB && engineMb < LIMIT_RSS_MB;
  return { ok, text: `server peak RSS ${server.toFixed(0)} MB, engine ${engineMb.toFixed(0)} MB` };
}

async function stop(serve: SpawnedServer): Promise<void> {
  if (serve.child.exitCode !== null) return;
  const exited = new Promise((ok) => serve.child.once('exit', ok));
  serve.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((ok) => setTimeout(ok, 10_000))]);
  if (serve.child.exitCode === null) serve.child.kill('SIGKILL');
}

/** The page, its files, and two calls over the studio's socket: 'answered', or what went wrong. */
async function personLoadsTheStudio(port: number, token: string): Promise<string> {
  const agent = new Agent({ keepAlive: true, maxSockets: 6 });
  try {
    const page = await get(port, `/?token=${token}`, {}, agent);
    const cookie = (page.headers['set-cookie']?.[0] ?? '').split(';')[0];
    const assets = [...page.body.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
    const files = await Promise.all(assets.map((path) => get(port, path, { cookie }, agent)));
    const statuses = [page.status, ...files.map((f) => f.status)];
    if (statuses.some((s) => s !== 200)) return `FAILED: page and ${files.length} files answered ${statuses.join('/')}`;
    const ws = await openSocket(port, { origin: `http://127.0.0.1:${port}`, token });
    const info = await call(ws, 1, 'app:info', {});
    const ping = await call(ws, 2, 'engine:ping', { nonce: 1 });
    ws.close();
    return info.ok && ping.ok ? 'answered' : `FAILED: app:info ${info.ok}, engine:ping ${ping.ok}`;
  } finally {
    agent.destroy();
  }
}

async function connectionFlood(home: string): Promise<boolean> {
  const serve = await startServe(home, SERVER_FD_LIMIT);
  const { port, token } = serve;
  const started = performance.now();
  try {
    const { sockets, closedByServer } = await openIdleConnections(port, IDLE_CONNECTIONS, { wave: 1000 });
    // The person opens the studio now, on fresh connections, while the flood is held open.
    const person = await personLoadsTheStudio(port, token).catch((error: Error) => `FAILED: ${error.message}`);
    for (const socket of sockets) socket.destroy();
    const alive = serve.child.exitCode === null;
    const rss = rssLine(serve);
    const ok = alive && rss.ok && person === 'answered';
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${((performance.now() - started) / 1000).toFixed(1)} s  ${rss.text}  ` +
        `${IDLE_CONNECTIONS} idle connections (server at ulimit -n ${SERVER_FD_LIMIT}), ${closedByServer} closed by it; ` +
        `then the person's page, files and calls: ${person}; server ${alive ? 'alive' : 'DEAD'}`,
    );
    return ok;
  } finally {
    await stop(serve);
  }
}

async function requestFlood(home: string): Promise<boolean> {
  const serve = await startServe(home);
  const { port, token } = serve;
  const origin = `http://127.0.0.1:${port}`;
  try {
    const person = await openSocket(port, { origin, token });
    // One listener per ping; a ping that timed out leaves its own behind.
    person.setMaxListeners(STALL_SECONDS + 10);
    const list = await call(person, 1, 'datasets:list', {});
    const dataset = list.ok ? (list.value as Array<{ id: string; count: number }>)[0] : undefined;
    if (!dataset) throw new Error(`no dataset in ${home}: ${JSON.stringify(list)}`);
    const flooder = await openSocket(port, { origin, token });
    flooder.pause();
    for (let id = 1; id <= PREVIEW_REQUESTS; id++) {
      const payload = { id: dataset.id, count: DATASET_LIMITS.previewItems };
      flooder.send(encodeWire({ id, channel: 'datasets:preview', payload }));
    }
    const pings: number[] = [];
    let failedPings = 0;
    for (let second = 0; second < STALL_SECONDS; second++) {
      const sent = performance.now();
      const ping = await Promise.race([
        call(person, 100 + second, 'engine:ping', { nonce: second }),
        new Promise<undefined>((ok) => setTimeout(ok, 5000)),
      ]);
      if (ping?.ok) pings.push(performance.now() - sent);
      else failedPings++;
      await new Promise((ok) => setTimeout(ok, 1000));
    }
    const alive = serve.child.exitCode === null;
    const rss = rssLine(serve);
    flooder.terminate();
    person.close();
    const ok = alive && rss.ok && failedPings === 0;
    const worst = pings.length ? Math.max(...pings).toFixed(0) : '-';
    console.log(
      `${ok ? 'ok  ' : 'FAIL'} ${STALL_SECONDS} s  ${rss.text}  ${PREVIEW_REQUESTS} datasets:preview ` +
        `(${DATASET_LIMITS.previewItems} of ${dataset.count} digits) from a client that reads nothing; ` +
        `the person's engine:ping answered ${pings.length}/${STALL_SECONDS} (worst ${worst} ms), server ${alive ? 'alive' : 'DEAD'}`,
    );
    return ok;
  } finally {
    await stop(serve);
  }
}

if (!existsSync(CLI) || !existsSync(resolve('out/cli/index.js'))) throw new Error('build first: npm run build');
const root = mkdtempSync(join(tmpdir(), 'latentdraw-browser-hostile-'));
const home = join(root, 'home');
mkdirSync(home);
const imported = spawnSync(process.execPath, [CLI, 'import', sharedData('mnist/t10k-images-idx3-ubyte.gz')], {
  env: { ...process.env, LATENTDRAW_HOME: home },
  encoding: 'utf8',
});
if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
console.log(`hostile clients against latentdraw serve (limit: ${LIMIT_RSS_MB} MB peak RSS, server and engine each)`);
const results = [await connectionFlood(home), await requestFlood(home)];
rmSync(root, { recursive: true, force: true });
const failed = results.filter((ok) => !ok).length;
console.log(failed ? `${failed} browser-mode cases over a limit` : 'every browser-mode case within the limits');
process.exit(failed ? 1 : 0);

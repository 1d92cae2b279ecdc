/**
 * Drawing while a model trains (not a test): browser mode in Debian's Chromium with the MNIST
 * MLP VAE fixture for reconstruction, while the conv VAE trains on the MNIST sample in the
 * background (on its trainer thread). Prints pointer-up → reconstruction painted while it
 * trains, and the run's throughput in windows where nobody draws beside windows where a
 * person draws. Goals: p95 ≤ 50 ms (33 ms), throughput within 15 % of the quiet one.
 * Strokes come at a quick person's pace (one every 500 ms; pass 0 for back to back).
 * Run: `npm run build && npx tsx bench/ui/while-training.ts [seconds per window] [ms per stroke]`.
 */
import type { Page } from 'playwright-core';
import { PERF } from '../../src/renderer/src/lib/perf';
import { TRAINING_DEFAULTS } from '../../src/shared/contract/training-settings';
import { wsProtocols } from '../../src/shared/contract/ws-protocol';
import { FIXTURE_MODEL_ID, openStudio, useModel } from '../../tests/e2e/harness';
import { percentile, strokeAndWait } from './strokes';

const WINDOW_S = Number(process.argv[2] ?? 20);
const BATCH = 64;
/** A quick person's pace: a short stroke, then the next one half a second after it began. */
const STROKE_EVERY_MS = Number(process.argv[3] ?? 500);

/** Opens a second WebSocket on the page that calls one channel and records batch events. */
async function connect(page: Page): Promise<void> {
  const protocols = wsProtocols(new URL(page.url()).searchParams.get('token') ?? '');
  await page.evaluate(async (offered) => {
    const url = new URL('/ws', location.href);
    url.protocol = 'ws:';
    const ws = new WebSocket(url.href, offered);
    await new Promise((resolve) => (ws.onopen = resolve));
    const w = window as unknown as {
      __bench: { ws: WebSocket; batches: Array<[number, number, number, number]>; replies: Map<number, unknown> };
    };
    w.__bench = { ws, batches: [], replies: new Map() };
    ws.onmessage = (event) => {
      const m = JSON.parse(String(event.data));
      if (m.kind === 'reply') w.__bench.replies.set(m.id, m.envelope);
      if (m.kind === 'event' && m.name === 'training:progress' && m.payload.type === 'batch') {
        w.__bench.batches.push([performance.now(), m.payload.epoch, m.payload.batch, m.payload.batches]);
      }
    };
  }, protocols);
}

async function call(page: Page, channel: string, payload: unknown): Promise<unknown> {
  return page.evaluate(
    async ([name, body]) => {
      const w = window as unknown as { __bench: { ws: WebSocket; replies: Map<number, unknown> }; __id?: number };
      const id = (w.__id = (w.__id ?? 1000) + 1);
      w.__bench.ws.send(JSON.stringify({ id, channel: name, payload: body }));
      while (!w.__bench.replies.has(id)) await new Promise((r) => setTimeout(r, 10));
      const envelope = w.__bench.replies.get(id) as { ok: boolean; value?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message);
      return envelope.value;
    },
    [channel, payload] as const,
  );
}

/** Samples per second of the run between two page times, from its batch events. */
async function throughput(page: Page, from: number, to: number): Promise<number> {
  const batches = await page.evaluate(
    () => (window as unknown as { __bench: { batches: Array<[number, number, number, number]> } }).__bench.batches,
  );
  const inside = batches.filter(([t]) => t >= from && t <= to);
  if (inside.length < 2) return NaN;
  const done = ([, epoch, batch, per]: [number, number, number, number]) => ((epoch - 1) * per + batch) * BATCH;
  const first = inside[0];
  const last = inside[inside.length - 1];
  return (done(last) - done(first)) / ((last[0] - first[0]) / 1000);
}

const now = (page: Page) => page.evaluate(() => performance.now());

async function main(): Promise<void> {
  const studio = await openStudio({ seedModels: true });
  const { page } = studio;
  try {
    await useModel(page, FIXTURE_MODEL_ID);
    await connect(page);
    const sources = (await call(page, 'training:sources', {})) as Array<{ id: string }>;
    const mnist = sources.find((s) => /mnist.*images/i.test(s.id));
    if (!mnist) throw new Error('the MNIST sample is not among the training sources');
    await call(page, 'training:start', {
      source: mnist.id,
      kind: 'conv-vae',
      modelName: 'bench-while-training',
      limit: 3000,
      // The Train view's defaults, as a person who starts a long run with a chosen batch sends them.
      settings: { ...TRAINING_DEFAULTS, epochs: 100, batchSize: BATCH },
    });
    await page.waitForFunction(
      () => (window as unknown as { __bench: { batches: unknown[] } }).__bench.batches.length > 3,
      undefined,
      { timeout: 120_000 },
    );
    const quiet: number[] = [];
    const drawing: number[] = [];
    const latencies: number[] = [];
    for (let round = 0; round < 2; round++) {
      const q0 = await now(page);
      await page.waitForTimeout(WINDOW_S * 1000);
      quiet.push(await throughput(page, q0, await now(page)));

      await page.evaluate(() => performance.clearMeasures());
      const d0 = await now(page);
      let i = 0;
      while ((await now(page)) - d0 < WINDOW_S * 1000) {
        const strokeStart = await now(page);
        await strokeAndWait(page, i);
        i += 1;
        const rest = STROKE_EVERY_MS - ((await now(page)) - strokeStart);
        if (rest > 0) await page.waitForTimeout(rest);
      }
      drawing.push(await throughput(page, d0, await now(page)));
      latencies.push(
        ...(await page.evaluate(
          (n) => performance.getEntriesByName(n, 'measure').map((e) => e.duration),
          PERF.strokeToReconstruction,
        )),
      );
    }
    await call(page, 'training:cancel', {});
    const median = (v: number[]) => percentile(v, 50);
    const f = (v: number) => `${v.toFixed(1)} ms`;
    console.log(
      `LatentDraw — drawing while the conv VAE trains (batch ${BATCH}, MNIST sample), ${WINDOW_S} s windows, a stroke every ${STROKE_EVERY_MS} ms`,
    );
    console.log(
      `pointer-up → reconstruction painted while training  n=${latencies.length}  p50 ${f(percentile(latencies, 50))}  p95 ${f(percentile(latencies, 95))}  max ${f(Math.max(...latencies))}  (goal p95 ≤ 50 ms, 33 ms)`,
    );
    console.log(
      `training throughput, nobody drawing   ${quiet.map((v) => v.toFixed(1)).join(', ')} samples/s (median ${median(quiet).toFixed(1)})`,
    );
    console.log(
      `training throughput, while drawing    ${drawing.map((v) => v.toFixed(1)).join(', ')} samples/s (median ${median(drawing).toFixed(1)})`,
    );
    console.log(`ratio drawing / quiet                  ${(median(drawing) / median(quiet)).toFixed(2)} (goal ≥ 0.85)`);
  } finally {
    await studio.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

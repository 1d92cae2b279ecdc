/**
 * What the page repaints while a person draws (not a test): a Chromium trace of 20 strokes with
 * paint-invalidation tracking, summarised as paints per stroke, the area they cover, and which
 * elements invalidated paint and why. A reconstruction should repaint its two canvases, not the page.
 * Run: `npm run build && npx tsx bench/ui/paint-trace.ts [strokes]`.
 */
import { FIXTURE_MODEL_ID, openStudio, useModel } from '../../tests/e2e/harness';
import { PERF } from '../../src/renderer/src/lib/perf';
import { strokeAndWait } from './strokes';

const STROKES = Number(process.argv[2] ?? 20);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  tid: number;
  pid: number;
  dur?: number;
  args?: { data?: Record<string, unknown> };
}

const studio = await openStudio({ seedModels: true });
const { page, browser } = studio;
try {
  await useModel(page, FIXTURE_MODEL_ID);
  await strokeAndWait(page, 0);
  await page.getByTestId('latent-slider-0').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(500);
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'disabled-by-default-devtools.timeline.invalidationTracking',
      'blink.user_timing',
      'toplevel',
      'disabled-by-default-v8.cpu_profiler',
    ],
  });
  for (let i = 1; i <= STROKES; i++) await strokeAndWait(page, i);
  await page.waitForTimeout(300);
  const buffer = await browser.stopTracing();
  const { traceEvents } = JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] };

  const count = new Map<string, { n: number; ms: number }>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' && e.ph !== 'B' && e.ph !== 'I' && e.ph !== 'i') continue;
    const c = count.get(e.name) ?? { n: 0, ms: 0 };
    c.n++;
    c.ms += (e.dur ?? 0) / 1000;
    count.set(e.name, c);
  }
  console.log(`${STROKES} strokes; main-thread rendering events (count, total ms):`);
  for (const name of ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'RasterTask', 'Commit'])
    console.log(
      `  ${name.padEnd(18)} ${String(count.get(name)?.n ?? 0).padStart(5)}  ${(count.get(name)?.ms ?? 0).toFixed(1).padStart(8)} ms`,
    );

  const areas = new Map<string, number>();
  for (const e of traceEvents.filter((x) => x.name === 'Paint')) {
    const clip = e.args?.data?.clip as number[] | undefined;
    if (!clip) continue;
    const w = Math.round(Math.max(clip[0], clip[2], clip[4], clip[6]) - Math.min(clip[0], clip[2], clip[4], clip[6]));
    const h = Math.round(Math.max(clip[1], clip[3], clip[5], clip[7]) - Math.min(clip[1], clip[3], clip[5], clip[7]));
    const key = `${w}×${h}`;
    areas.set(key, (areas.get(key) ?? 0) + 1);
  }
  console.log('paint clips (size: count):');
  for (const [k, v] of [...areas].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${k.padEnd(12)} ${v}`);

  const why = new Map<string, number>();
  for (const e of traceEvents) {
    if (!e.name.endsWith('InvalidationTracking')) continue;
    const d = e.args?.data ?? {};
    const key = `${e.name.replace('InvalidationTracking', '')} ${String(d.nodeName ?? '?')} — ${String(d.reason ?? d.invalidationSet ?? '')}`;
    why.set(key, (why.get(key) ?? 0) + 1);
  }
  console.log('invalidations (kind node — reason: count), top 30:');
  for (const [k, v] of [...why].sort((a, b) => b[1] - a[1]).slice(0, 30))
    console.log(`  ${String(v).padStart(5)}  ${k}`);

  // Between each pointer-up and its reconstruction painted: what the page's main thread ran.
  const main = traceEvents.find(
    (e) => e.name === 'thread_name' && (e.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  const onMain = traceEvents.filter((e) => main && e.tid === main.tid && e.pid === main.pid && e.ph === 'X');
  const measures = traceEvents.filter((e) => e.name === PERF.strokeToReconstruction && (e.ph === 'b' || e.ph === 'e'));
  const starts = measures.filter((e) => e.ph === 'b').map((e) => e.ts);
  const ends = measures.filter((e) => e.ph === 'e').map((e) => e.ts);
  const inWindow = new Map<string, number>();
  let windowMs = 0;
  for (let i = 0; i < Math.min(starts.length, ends.length); i++) {
    windowMs += (ends[i] - starts[i]) / 1000;
    for (const e of onMain) {
      if (e.ts < starts[i] || e.ts >= ends[i] || e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask')
        continue;
      inWindow.set(e.name, (inWindow.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
    }
  }
  const n = Math.min(starts.length, ends.length);
  // Every thread of the browser in those windows: what competes with the engine for the cores.
  const threadName = new Map<string, string>();
  for (const e of traceEvents)
    if (e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, String((e.args as { name?: string }).name));
  const busy = new Map<string, number>();
  for (const e of traceEvents) {
    if (e.ph !== 'X' || !e.dur) continue;
    if (e.name !== 'ThreadControllerImpl::RunTask') continue;
    for (let i = 0; i < n; i++) {
      const overlap = Math.min(e.ts + e.dur, ends[i]) - Math.max(e.ts, starts[i]);
      if (overlap > 0) {
        const key = threadName.get(`${e.pid}:${e.tid}`) ?? `${e.pid}:${e.tid}`;
        busy.set(key, (busy.get(key) ?? 0) + overlap / 1000);
      }
    }
  }
  console.log('busy per thread inside the windows (mean ms per stroke, top-level tasks):');
  for (const [k, v] of [...busy].sort((a, b) => b[1] - a[1]).slice(0, 12))
    console.log(`  ${(v / n).toFixed(2).padStart(7)}  ${k}`);
  console.log(
    `pointer-up → painted: ${n} windows, mean ${(windowMs / n).toFixed(1)} ms; main-thread events in them (mean ms per stroke, nested events counted in each):`,
  );
  for (const [k, v] of [...inWindow].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(`  ${(v / n).toFixed(2).padStart(7)}  ${k}`);

  // JavaScript in those windows: the V8 sampling profiler's chunks in the trace share its clock.
  interface ProfileNode {
    id: number;
    callFrame: { functionName: string; url?: string; lineNumber: number };
  }
  const frames = new Map<number, string>();
  const sampleTimes: Array<{ at: number; node: number }> = [];
  let clock = 0;
  for (const e of traceEvents) {
    const data = e.args?.data as
      | { startTime?: number; cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] }
      | undefined;
    if (e.name === 'Profile' && data?.startTime !== undefined) clock = data.startTime;
    if (e.name !== 'ProfileChunk' || !data?.cpuProfile) continue;
    for (const node of data.cpuProfile.nodes ?? []) {
      const f = node.callFrame;
      frames.set(node.id, `${f.functionName || '(anon)'} ${(f.url ?? '').split('/').pop()}:${f.lineNumber}`);
    }
    const samples = data.cpuProfile.samples ?? [];
    samples.forEach((node, i) => {
      clock += data.timeDeltas?.[i] ?? 0;
      sampleTimes.push({ at: clock, node });
    });
  }
  const selfIn = new Map<string, number>();
  let inside = 0;
  for (const { at, node } of sampleTimes) {
    if (!starts.some((s, i) => at >= s && at < ends[i])) continue;
    inside++;
    const key = frames.get(node) ?? String(node);
    selfIn.set(key, (selfIn.get(key) ?? 0) + 1);
  }
  console.log(`JavaScript samples inside the windows: ${inside} (share of samples, top 20):`);
  for (const [k, v] of [...selfIn].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${((100 * v) / Math.max(1, inside)).toFixed(1).padStart(5)} %  ${k}`);
} finally {
  await studio.close();
}

/**
 * Training throughput of the studio's models on tfjs wasm (with our kernels) and cpu, each
 * beside one-thread PyTorch peers on the same architecture, batch and optimizer, in the same run:
 * the mirrored peer (the studio's sigmoid + clipped BCE; `ratio`) and the idiomatic one (logits +
 * BCE-with-logits; `idiomatic_ratio`).
 *
 *   npx tsx bench/train/run.ts [-- --json] [--seconds 4] [--models mlp-vae,conv-vae]
 *                              [--backends wasm,cpu,wasm-shipped,webgpu,tensorflow-gpu] [--profile] [--skip-peer]
 *
 * `cpu_ratio` is the same comparison in CPU time per step (peer's / ours, one-thread rows): on a
 * shared machine it moves far less with the load than wall time does.
 *
 * Steps run through the engine's own steppers (src/engine/train/step/stepper.ts). On wasm each model runs
 * at its book batch on 1 and 2 threads; the row with the studio's default setting (wasm, the
 * default batch size, defaultWorkers(kind) threads) carries `"default": true`, and is added where
 * it is neither of those. wasm runs with registerWasmKernels(); cpu with registerCpuKernelFixes().
 */
import { parseArgs } from 'node:util';
import { selectBackend } from '../../src/engine/backend/select';
import {
  registerCpuKernelFixes,
  registerWasmKernels,
  unregisterWasmKernels,
} from '../../src/engine/backend/register-kernels';
import type { ModelKind } from '../../src/engine/models/types';
import { defaultWorkers } from '../../src/engine/train/default-workers';
import { TRAINING_DEFAULTS } from '../../src/shared/contract/training-settings';
import { makeEngineTrainer } from './engine-step';
import { peerPython, runPeer, type PeerResult, type PeerVariant } from './peer';
import { formatProfile, profileStep } from './profile';
import { BENCH_MODELS, makeTrainer } from './step';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    seconds: { type: 'string', default: '4' },
    models: { type: 'string', default: BENCH_MODELS.map((m) => m.kind).join(',') },
    backends: { type: 'string', default: 'wasm,cpu' },
    'skip-peer': { type: 'boolean', default: false },
  },
  // `npm run bench:train -- --json` and `npx tsx run.ts -- --json` both pass a bare '--' through.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
});
const seconds = Number(values.seconds);
const kinds = values.models.split(',') as ModelKind[];
/**
 * 'wasm-shipped': tfjs's wasm kernels alone, to show what ours change (conv models cannot train).
 * 'webgpu' (Dawn) and 'tensorflow-gpu' where they load: a software WebGPU adapter is refused
 * unless LATENTDRAW_WEBGPU_ALLOW_SOFTWARE=1, and its rows then say `adapter: software (…)`.
 */
type BenchBackend = 'wasm' | 'wasm-shipped' | 'cpu' | 'webgpu' | 'tensorflow-gpu';
const backends = values.backends.split(',') as BenchBackend[];
/** The WebGPU adapter the rows ran on, as the rows name it. */
let adapterLabel: string | undefined;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function useBackend(name: BenchBackend): Promise<void> {
  const engineName = name === 'wasm-shipped' ? 'wasm' : name;
  const report = await selectBackend({ only: engineName });
  const adapter = report.statuses.find((s) => s.name === 'webgpu')?.adapter;
  adapterLabel = adapter
    ? `${adapter.software ? 'software' : 'gpu'} (${[adapter.vendor, adapter.architecture, adapter.description].filter(Boolean).join(', ')})`
    : undefined;
  if (name === 'wasm') registerWasmKernels();
  if (name === 'wasm-shipped') unregisterWasmKernels();
  if (name === 'cpu') registerCpuKernelFixes();
}

/** Median wall and CPU time of a step after one warm-up step; slow cases get at least one timed step. */
async function timeSteps(step: () => unknown, budgetS: number): Promise<{ wallMs: number; cpuMs: number }> {
  await step();
  const wall: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (wall.length < 3 || performance.now() - start < budgetS * 1000) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    await step();
    const c = process.cpuUsage(c0);
    wall.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
    if (performance.now() - start > budgetS * 1000 && wall.length >= 1) break;
  }
  return { wallMs: median(wall), cpuMs: median(cpu) };
}

interface Setting {
  batch: number;
  workers: number;
  default: boolean;
}

/** What to time for one model on one backend (see the header). */
function settingsFor(kind: ModelKind, bookBatch: number, backend: BenchBackend): Setting[] {
  if (backend !== 'wasm') return [{ batch: bookBatch, workers: 1, default: false }];
  const list: Setting[] = [1, 2].map((workers) => ({ batch: bookBatch, workers, default: false }));
  const studio = { batch: TRAINING_DEFAULTS.batchSize, workers: defaultWorkers(kind) };
  const same = list.find((s) => s.batch === studio.batch && s.workers === studio.workers);
  if (same) same.default = true;
  else list.push({ ...studio, default: true });
  return list;
}

function report(row: Row): void {
  if (values.json) {
    console.log(JSON.stringify(row));
    return;
  }
  const fmt = (v: string | number | boolean | null) =>
    typeof v === 'number' && !Number.isInteger(v) ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : String(v);
  console.log(
    Object.entries(row)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join('  '),
  );
}

type Row = Record<string, string | number | boolean | null>;

function errorRow(kind: ModelKind, backend: BenchBackend, setting: Setting, error: unknown): Row {
  const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return {
    case: 'train',
    model: kind,
    backend,
    batch: setting.batch,
    workers: setting.workers,
    samples_per_s: null,
    error: why,
  };
}

/** One training row: the engine's stepper at one batch size on one or two threads. */
async function measureTrain(kind: ModelKind, backend: BenchBackend, setting: Setting): Promise<Row> {
  const trainer = await makeEngineTrainer(
    kind,
    setting.batch,
    setting.workers,
    backend === 'wasm-shipped' ? 'wasm' : backend,
  );
  try {
    const { wallMs: stepMs, cpuMs } = await timeSteps(() => trainer.step(), seconds);
    return {
      case: 'train',
      model: kind,
      backend,
      batch: setting.batch,
      workers: trainer.workers,
      ...(setting.default ? { default: true } : {}),
      ...(backend === 'webgpu' && adapterLabel ? { adapter: adapterLabel } : {}),
      step_ms: stepMs,
      samples_per_s: (setting.batch * 1000) / stepMs,
      cpu_ms_per_step: cpuMs,
    };
  } catch (error) {
    return errorRow(kind, backend, setting, error);
  } finally {
    await trainer.dispose();
  }
}

/** One model on one backend: its training rows and, for the VAEs, the single-drawing row. */
async function measure(kind: ModelKind, bookBatch: number, backend: BenchBackend): Promise<Row[]> {
  try {
    await useBackend(backend);
  } catch (error) {
    return [errorRow(kind, backend, { batch: bookBatch, workers: 1, default: false }, error)];
  }
  const rows: Row[] = [];
  for (const setting of settingsFor(kind, bookBatch, backend)) rows.push(await measureTrain(kind, backend, setting));
  const trainer = await makeTrainer(kind, bookBatch);
  try {
    // Reads back synchronously, which a GPU backend cannot do in every runtime: bench/gpu/inference.ts times it there.
    if (kind !== 'conv-ae' && backend !== 'webgpu') {
      const ms = (await timeSteps(() => trainer.encodeDecodeOne(), Math.min(1, seconds))).wallMs;
      rows.push({ case: 'encode-decode-1', model: kind, backend, ms, samples_per_s: 1000 / ms });
    }
    if (values.profile && backend === 'wasm') {
      console.log(formatProfile(`${kind} on wasm, batch ${bookBatch}, 1 thread`, await profileStep(trainer)));
    }
  } catch (error) {
    rows.push(errorRow(kind, backend, { batch: bookBatch, workers: 1, default: false }, error));
  } finally {
    trainer.dispose();
  }
  return rows;
}

/**
 * The peer's samples/s at each batch size: it runs before and after tfjs and counts as their
 * geometric mean, since the machine is shared and its load drifts during a run.
 */
function peerRates(kind: ModelKind, batches: number[], variant: PeerVariant): () => Map<number, PeerResult | null> {
  const run = () =>
    new Map(batches.map((b) => [b, values['skip-peer'] ? undefined : runPeer(kind, b, seconds, variant)]));
  const before = run();
  return () => {
    const after = run();
    return new Map(
      batches.map((b) => {
        const x = before.get(b);
        const y = after.get(b);
        const both = x && y;
        const mean = both
          ? {
              samplesPerSecond: Math.sqrt(x.samplesPerSecond * y.samplesPerSecond),
              cpuMs: Math.sqrt(x.cpuMs * y.cpuMs),
            }
          : (x ?? y ?? null);
        return [b, mean];
      }),
    );
  };
}

async function main(): Promise<void> {
  if (!values.json) console.log(`peer: ${peerPython ?? 'no python with torch found'}; ${seconds}s per case`);
  for (const kind of kinds) {
    const spec = BENCH_MODELS.find((m) => m.kind === kind);
    if (!spec) throw new Error(`unknown model ${kind}`);
    const batches = [...new Set(backends.flatMap((b) => settingsFor(kind, spec.batch, b).map((s) => s.batch)))];
    const mirrored = peerRates(kind, batches, 'mirrored');
    const idiomatic = peerRates(kind, batches, 'idiomatic');
    const rows: Row[] = [];
    for (const backend of backends) rows.push(...(await measure(kind, spec.batch, backend)));
    const peers = { mirrored: mirrored(), idiomatic: idiomatic() };
    for (const row of rows) {
      const train = row.case === 'train' && typeof row.samples_per_s === 'number';
      const peer = train ? (peers.mirrored.get(row.batch as number) ?? null) : null;
      const peerIdiomatic = train ? (peers.idiomatic.get(row.batch as number) ?? null) : null;
      const rate = row.samples_per_s as number;
      const cpu = row.workers === 1 && typeof row.cpu_ms_per_step === 'number' ? row.cpu_ms_per_step : null;
      report({
        ...row,
        peer_samples_per_s: peer?.samplesPerSecond ?? null,
        idiomatic_peer_samples_per_s: peerIdiomatic?.samplesPerSecond ?? null,
        ratio: peer ? rate / peer.samplesPerSecond : null,
        idiomatic_ratio: peerIdiomatic ? rate / peerIdiomatic.samplesPerSecond : null,
        cpu_ratio: peer && cpu ? peer.cpuMs / cpu : null,
      });
    }
  }
}

await main();

/**
 * Training throughput of the studio's models on tfjs wasm (with our kernels) and cpu, each
 * beside a one-thread PyTorch peer on the same architecture, batch and optimizer, in the same run.
 *
 *   npx tsx bench/train/run.ts [-- --json] [--seconds 4] [--models mlp-vae,conv-vae]
 *                              [--backends wasm,cpu,wasm-shipped] [--profile] [--skip-peer]
 *
 * wasm runs with registerWasmKernels(); cpu with registerCpuKernelFixes().
 */
import { parseArgs } from 'node:util';
import { selectBackend } from '../../src/engine/backend/select';
import {
  registerCpuKernelFixes,
  registerWasmKernels,
  unregisterWasmKernels,
} from '../../src/engine/backend/register-kernels';
import type { ModelKind } from '../../src/engine/models/types';
import { peerPython, peerSamplesPerSecond } from './peer';
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
/** 'wasm-shipped': tfjs's wasm kernels alone, to show what ours change (conv models cannot train). */
type BenchBackend = 'wasm' | 'wasm-shipped' | 'cpu';
const backends = values.backends.split(',') as BenchBackend[];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function useBackend(name: BenchBackend): Promise<void> {
  await selectBackend({ only: name === 'cpu' ? 'cpu' : 'wasm' });
  if (name === 'wasm') registerWasmKernels();
  if (name === 'wasm-shipped') unregisterWasmKernels();
  if (name === 'cpu') registerCpuKernelFixes();
}

/** Median step time after one warm-up step; slow cases (cpu conv) get at least one timed step. */
function timeSteps(step: () => unknown, budgetS: number): number {
  step();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < 3 || performance.now() - start < budgetS * 1000) {
    const t0 = performance.now();
    step();
    times.push(performance.now() - t0);
    if (performance.now() - start > budgetS * 1000 && times.length >= 1) break;
  }
  return median(times);
}

function report(row: Row): void {
  if (values.json) {
    console.log(JSON.stringify(row));
    return;
  }
  const fmt = (v: string | number | null) =>
    typeof v === 'number' ? (v < 10 ? v.toFixed(2) : v.toFixed(0)) : String(v);
  console.log(
    Object.entries(row)
      .map(([k, v]) => `${k}=${fmt(v)}`)
      .join('  '),
  );
}

type Row = Record<string, string | number | null>;

/** One model on one backend: the training row and, for the VAEs, the single-drawing row. */
async function measure(kind: ModelKind, batch: number, backend: BenchBackend): Promise<Row[]> {
  await useBackend(backend);
  const trainer = makeTrainer(kind, batch);
  try {
    const stepMs = timeSteps(() => trainer.step(), seconds);
    const rows: Row[] = [
      { case: 'train', model: kind, backend, batch, step_ms: stepMs, samples_per_s: (batch * 1000) / stepMs },
    ];
    if (kind !== 'conv-ae') {
      const ms = timeSteps(() => trainer.encodeDecodeOne(), Math.min(1, seconds));
      rows.push({ case: 'encode-decode-1', model: kind, backend, ms, samples_per_s: 1000 / ms });
    }
    if (values.profile && backend === 'wasm') {
      console.log(formatProfile(`${kind} on wasm`, await profileStep(trainer)));
    }
    return rows;
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [{ case: 'train', model: kind, backend, batch, samples_per_s: null, error: why }];
  } finally {
    trainer.dispose();
  }
}

async function main(): Promise<void> {
  if (!values.json) console.log(`peer: ${peerPython ?? 'no python with torch found'}; ${seconds}s per case`);
  for (const kind of kinds) {
    const spec = BENCH_MODELS.find((m) => m.kind === kind);
    if (!spec) throw new Error(`unknown model ${kind}`);
    const peerRun = () => (values['skip-peer'] ? undefined : peerSamplesPerSecond(kind, spec.batch, seconds));
    // The peer runs before and after tfjs and counts as their geometric mean: the machine is
    // shared, so its load drifts during a run.
    const before = peerRun();
    const rows: Row[] = [];
    for (const backend of backends) rows.push(...(await measure(kind, spec.batch, backend)));
    const after = peerRun();
    const peer = before && after ? Math.sqrt(before * after) : (before ?? after ?? null);
    for (const row of rows) {
      const train = row.case === 'train' && typeof row.samples_per_s === 'number';
      const ratio = train && peer ? (row.samples_per_s as number) / peer : null;
      report({ ...row, peer_samples_per_s: row.case === 'train' ? peer : null, ratio });
    }
  }
}

await main();

/**
 * Training throughput of the studio's models on tfjs wasm (with our kernels) and cpu, each
 * beside a one-thread PyTorch peer on the same architecture, batch and optimizer, in the same run.
 *
 *   npx tsx bench/train/run.ts [-- --json] [--seconds 4] [--models mlp-vae,conv-vae]
 *                              [--backends wasm,cpu] [--profile]
 */
import { parseArgs } from 'node:util';
import { selectBackend, tf } from '../../src/engine/backend/select';
import { registerWasmKernels } from '../../src/engine/backend/register-kernels';
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
  },
  // `npm run bench:train -- --json` and `npx tsx run.ts -- --json` both pass a bare '--' through.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  allowPositionals: true,
});
const seconds = Number(values.seconds);
const kinds = values.models.split(',') as ModelKind[];
const backends = values.backends.split(',') as Array<'wasm' | 'cpu'>;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function useBackend(name: 'wasm' | 'cpu'): Promise<void> {
  await selectBackend({ only: name });
  if (name === 'wasm') registerWasmKernels();
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

function report(row: Record<string, string | number | null>): void {
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

async function main(): Promise<void> {
  if (!values.json) console.log(`peer: ${peerPython ?? 'no python with torch found'}; ${seconds}s per case`);
  for (const kind of kinds) {
    const spec = BENCH_MODELS.find((m) => m.kind === kind);
    if (!spec) throw new Error(`unknown model ${kind}`);
    const peer = peerSamplesPerSecond(kind, spec.batch, seconds) ?? null;
    for (const backend of backends) {
      await useBackend(backend);
      const trainer = makeTrainer(kind, spec.batch);
      const stepMs = timeSteps(() => trainer.step(), seconds);
      const samples = (spec.batch * 1000) / stepMs;
      report({
        case: 'train',
        model: kind,
        backend,
        batch: spec.batch,
        step_ms: stepMs,
        samples_per_s: samples,
        peer_samples_per_s: peer,
        ratio: peer ? samples / peer : null,
      });
      if (kind !== 'conv-ae') {
        const ms = timeSteps(() => trainer.encodeDecodeOne(), Math.min(1, seconds));
        report({
          case: 'encode-decode-1',
          model: kind,
          backend,
          ms,
          samples_per_s: 1000 / ms,
          peer_samples_per_s: null,
          ratio: null,
        });
      }
      if (values.profile && backend === 'wasm')
        console.log(formatProfile(`${kind} on wasm`, await profileStep(trainer)));
      trainer.dispose();
      if (tf.memory().numTensors > 0 && !values.json) console.log(`(tensors still alive: ${tf.memory().numTensors})`);
    }
  }
}

await main();

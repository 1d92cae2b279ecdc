/**
 * The engine's share of the UI latency (not a test): the same requests as the studio makes,
 * answered in-process, without the WebSocket, the host and process hops. Run after bench/ui/run.ts
 * to see where the time goes: `npx tsx bench/ui/engine-only.ts`.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEngine } from '../../src/engine/engine';
import { ensureFixtureModel, FIXTURE_NAME } from '../../tests/helpers/tiny-models';

const RUNS = 200;
const MODEL = `user:${FIXTURE_NAME}`;
const STROKES = [
  {
    x: Array.from({ length: 40 }, (_, i) => 180 + 80 * Math.sin((i / 39) * 2 * Math.PI)),
    y: Array.from({ length: 40 }, (_, i) => 180 - 120 * Math.cos((i / 39) * 2 * Math.PI)),
  },
];

function p(values: number[], q: number): string {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)] ?? NaN).toFixed(2);
}

async function time(run: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 10; i++) await run();
  const out: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await run();
    out.push(performance.now() - start);
  }
  return out;
}

async function main(): Promise<void> {
  const folder = await ensureFixtureModel();
  const home = mkdtempSync(join(tmpdir(), 'latentdraw-bench-'));
  try {
    mkdirSync(join(home, 'models'), { recursive: true });
    cpSync(folder, join(home, 'models', FIXTURE_NAME), { recursive: true });
    const engine = await startEngine({ dataHome: home, resourcesDir: join(home, 'none'), backend: 'wasm' }, () => {});
    const reconstruct = await time(() => engine.handle('latent:reconstruct', { modelId: MODEL, strokes: STROKES }));
    const decode = await time(() =>
      engine.handle('latent:decode', { modelId: MODEL, z: new Float32Array([0.3, -0.4]) }),
    );
    console.log(`engine in-process (${engine.backend.backend}), ${RUNS} runs each:`);
    console.log(`  latent:reconstruct  p50 ${p(reconstruct, 50)} ms  p95 ${p(reconstruct, 95)} ms`);
    console.log(`  latent:decode       p50 ${p(decode, 50)} ms  p95 ${p(decode, 95)} ms`);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

/**
 * One drawing through each model (encode + decode), the studio's interactive path, on the
 * backends named: what decides where inference runs. Prints the median per backend side by
 * side, in one run. `npx tsx bench/gpu/inference.ts [--backends wasm,webgpu] [--runs 50]`.
 * On SwiftShader (no GPU) the webgpu figures say nothing about a real GPU.
 */
import { parseArgs } from 'node:util';
import { selectBackend, tf } from '../../src/engine/backend/select';
import { decodeLatents, encodeImages } from '../../src/engine/latent/codes';
import { buildModel, defaultConfig } from '../../src/engine/models/build';
import { isConditional, MODEL_KINDS, type ModelKind } from '../../src/engine/models/types';
import { BACKEND_NAMES, type BackendName } from '../../src/shared/types/backend';

const { values } = parseArgs({
  options: { backends: { type: 'string', default: 'wasm,webgpu' }, runs: { type: 'string', default: '50' } },
  args: process.argv.slice(2).filter((a) => a !== '--'),
});
const backends = values.backends
  .split(',')
  .filter((b): b is BackendName => (BACKEND_NAMES as readonly string[]).includes(b));
const runs = Number(values.runs);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function time(kind: ModelKind): Promise<number> {
  const size = kind === 'conv-ae' ? 32 : 28;
  const model = buildModel(
    defaultConfig(kind, {
      imageSize: size,
      recipe: kind === 'conv-ae' ? 'cookbook32' : 'mnist28',
      numClasses: isConditional(kind) ? 10 : 1,
    }),
  );
  const image = new Float32Array(size * size).map((_, i) => (i % 7 === 0 ? 1 : 0));
  const cond = isConditional(kind) ? { labels: Int32Array.of(3) } : {};
  const once = async () => {
    const z = await encodeImages(model, image, 1, cond);
    await decodeLatents(model, z, 1, cond);
  };
  for (let i = 0; i < 5; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await once();
    times.push(performance.now() - t0);
  }
  model.dispose();
  return median(times);
}

const table: Record<string, Record<string, string>> = {};
for (const backend of backends) {
  try {
    const report = await selectBackend({ only: backend });
    const adapter = report.statuses.find((s) => s.name === backend)?.adapter;
    const label = adapter?.software ? `${backend} (software: ${adapter.architecture})` : backend;
    for (const kind of MODEL_KINDS) (table[kind] ??= {})[label] = `${(await time(kind)).toFixed(2)} ms`;
  } catch (error) {
    console.log(`${backend}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
console.log(`encode + decode of one drawing, median of ${runs} (tfjs ${tf.version.tfjs})`);
console.table(table);

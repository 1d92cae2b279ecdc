/**
 * Data-parallel training: the engine's own train() with one thread against two (a worker
 * computing half of each batch), same data, batch and optimizer, in the same run.
 *   npx tsx bench/train/parallel.ts [--models mlp-vae,conv-vae,conv-ae] [--limit 2560] [--epochs 2]
 */
import { parseArgs } from 'node:util';
import { selectBackend } from '../../src/engine/backend/select';
import { loadTrainingData } from '../../src/engine/data/training-data';
import type { ModelKind } from '../../src/engine/models/types';
import { train } from '../../src/engine/train/job/run-in-process';
import { sharedData } from '../../tests/helpers/shared-data';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    models: { type: 'string', default: 'mlp-vae,conv-vae,conv-ae' },
    limit: { type: 'string', default: '2560' },
    epochs: { type: 'string', default: '2' },
  },
});
const BATCH: Record<string, number> = { 'mlp-vae': 128, 'conv-vae': 64, 'conv-ae': 128, cvae: 128, 'cvae-prior': 128 };

await selectBackend({ only: 'wasm' });
console.log('model      threads  samples/s  speed-up');
for (const kind of values.models.split(',') as ModelKind[]) {
  const recipe = kind === 'conv-ae' ? 'cookbook32' : 'mnist28';
  const data = await loadTrainingData(sharedData('mnist/t10k-images-idx3-ubyte.gz'), recipe, {
    limit: Number(values.limit),
    seed: 1,
  });
  const rates: number[] = [];
  for (const workers of [1, 2]) {
    let rate = 0;
    const result = await train(
      data,
      kind,
      { epochs: Number(values.epochs), batchSize: BATCH[kind], workers, seed: 1 },
      {
        // The last epoch's rate: the first includes warm-up (kernel setup, the worker's start).
        onEpoch: (e) => (rate = e.samplesPerSecond),
      },
    );
    result.model.dispose();
    rates.push(rate);
    console.log(
      `${kind.padEnd(10)} ${String(workers).padStart(7)}  ${rate.toFixed(0).padStart(9)}  ${(rate / rates[0]).toFixed(2)}×`,
    );
  }
}

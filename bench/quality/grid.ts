/**
 * Trains a 2-d MLP VAE on MNIST t10k (9k train / 1k validation, seed 1) and writes the decoded
 * 15×15 latent grid at normal quantiles (the Keras book's figure) to a PNG.
 *
 *   npx tsx bench/quality/grid.ts --out /tmp/grid.png [--epochs 20] [--model DIR] [--save DIR]
 *
 * With --model it skips training and draws the grid of a saved model.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { registerWasmKernels } from '../../src/engine/backend/register-kernels';
import { selectBackend } from '../../src/engine/backend/select';
import { loadTrainingData } from '../../src/engine/data/training-data';
import { encodeGrayPng, upscale } from '../../src/engine/image/png';
import { decodeGrid, tileGrid } from '../../src/engine/latent/grid';
import { loadModel, saveModel } from '../../src/engine/models/store/store';
import type { LatentModel } from '../../src/engine/models/types';
import { train } from '../../src/engine/train/job/run-in-process';
import { numberArg, parseArgs } from './args';

const SHARED = process.env.LATENTDRAW_SHARED_DATA ?? resolve(import.meta.dirname, '../../../shared/data');

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const out = args.get('out') ?? '/tmp/latentdraw-grid.png';
  const report = await selectBackend({ only: 'wasm' });
  // the project's wasm kernels: fast transposed matmuls (the backward pass) and conv gradients
  if (!args.has('stock-kernels')) registerWasmKernels();
  let model: LatentModel;
  if (args.has('model')) {
    model = (await loadModel(args.get('model')!)).model;
  } else {
    const data = await loadTrainingData(join(SHARED, 'mnist/t10k-images-idx3-ubyte.gz'), 'quickdraw28', {
      validationShare: 0.1,
      seed: 1,
    });
    const result = await train(
      data,
      'mlp-vae',
      { epochs: numberArg(args, 'epochs', 20), batchSize: 100, latentSize: 2, hiddenSize: 512, seed: 1 },
      {
        onEpoch: (e) =>
          console.log(
            `epoch ${e.epoch}/${e.epochs} val loss ${e.validationLoss.toFixed(2)} (rec ${e.validationReconstruction.toFixed(2)}, kl ${e.validationKl.toFixed(2)}) ${e.samplesPerSecond.toFixed(0)} samples/s on ${report.backend}`,
          ),
      },
    );
    model = result.model;
    if (args.has('save')) await saveModel(model, args.get('save')!, result.metadata);
  }
  const grid = await decodeGrid(model, { n: 15 });
  const tiled = tileGrid(grid);
  const factor = 2;
  await writeFile(
    out,
    encodeGrayPng(
      upscale(tiled.pixels, tiled.width, tiled.height, factor),
      tiled.width * factor,
      tiled.height * factor,
    ),
  );
  console.log(`wrote ${out}`);
  model.dispose();
}

await main();

/**
 * Trains the models LatentDraw ships (`npm run train:defaults`), seeded, and writes them to
 * resources/models/ with a report of their validation losses. It reads only the sample data
 * shipped in resources/data, so the models can be reproduced from the repository alone, and
 * each model names its data as `resources:data/…` so the studio finds it after installation.
 * `--only NAME` retrains one model.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { selectBackend } from '../src/engine/backend/select';
import { loadTrainingData } from '../src/engine/data/training-data';
import type { RasterRecipe, TrainingData } from '../src/engine/data/training-data.types';
import { saveModel } from '../src/engine/models/store/store';
import type { ModelKind } from '../src/engine/models/types';
import { mergeTrainingData } from '../src/engine/train/merge-data';
import type { TrainSettings } from '../src/engine/train/settings';
import { train } from '../src/engine/train/train';

const resourcesRoot = resolve('resources');
const outRoot = join(resourcesRoot, 'models');

interface DefaultModel {
  name: string;
  title: string;
  kind: ModelKind;
  recipe: RasterRecipe;
  sources: string[];
  settings: Partial<TrainSettings>;
}

const DEFAULTS: DefaultModel[] = [
  {
    name: 'mnist-vae',
    title: 'MNIST digits — VAE, 2-d latent',
    kind: 'mlp-vae',
    recipe: 'mnist28',
    sources: ['data/mnist-t10k-images-idx3-ubyte.gz'],
    settings: { epochs: 40, batchSize: 100, latentSize: 2, hiddenSize: 512, learningRate: 1e-3, seed: 1 },
  },
  {
    name: 'mnist-cvae',
    title: 'MNIST digits — conditional VAE, 2-d latent',
    kind: 'cvae',
    recipe: 'mnist28',
    sources: ['data/mnist-t10k-images-idx3-ubyte.gz'],
    settings: { epochs: 40, batchSize: 100, latentSize: 2, hiddenSize: 512, learningRate: 1e-3, seed: 1 },
  },
  {
    name: 'cat-vae',
    title: 'Quick, Draw! cats — VAE, 16-d latent',
    kind: 'mlp-vae',
    recipe: 'quickdraw28',
    sources: ['data/cat.first3000.npy', 'data/cat.ndjson'],
    settings: { epochs: 60, batchSize: 64, latentSize: 16, hiddenSize: 512, learningRate: 1e-3, seed: 1 },
  },
];

async function load(model: DefaultModel): Promise<TrainingData> {
  const parts: TrainingData[] = [];
  for (const source of model.sources) {
    parts.push(await loadTrainingData(join(resourcesRoot, source), model.recipe, { seed: 1, validationShare: 0.1 }));
  }
  return parts.length === 1 ? parts[0] : mergeTrainingData(parts);
}

const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const backend = await selectBackend();
console.log(`backend: ${backend.backend}`);
mkdirSync(outRoot, { recursive: true });

const report: Array<Record<string, unknown>> = [];
for (const model of DEFAULTS.filter((m) => !only || m.name === only)) {
  const data = await load(model);
  const started = performance.now();
  console.log(
    `${model.name}: ${data.count} images (${data.trainIndex.length} train / ${data.validationIndex.length} validation)`,
  );
  const result = await train(data, model.kind, model.settings, {
    onEpoch: (e) =>
      console.log(
        `  epoch ${e.epoch}/${e.epochs} train ${e.trainLoss.toFixed(2)} val ${e.validationLoss.toFixed(2)} ` +
          `(rec ${e.validationReconstruction.toFixed(2)}, kl ${e.validationKl.toFixed(2)}) ${e.samplesPerSecond.toFixed(0)}/s`,
      ),
  });
  const seconds = (performance.now() - started) / 1000;
  const metadata = {
    ...result.metadata,
    name: model.title,
    // The first source is the one the studio explores (scatter, neighbours, concept sets).
    dataset: { ...result.metadata.dataset!, source: `resources:${model.sources[0]}` },
  };
  await saveModel(result.model, join(outRoot, model.name), metadata);
  result.model.dispose();
  const last = result.history[result.history.length - 1];
  report.push({
    name: model.name,
    title: model.title,
    kind: model.kind,
    recipe: model.recipe,
    data: model.sources,
    images: data.count,
    settings: result.metadata.training,
    validationLoss: last.validationLoss,
    validationReconstruction: last.validationReconstruction,
    validationKl: last.validationKl,
    trainLoss: last.trainLoss,
    seconds: Math.round(seconds),
    backend: backend.backend,
  });
  console.log(`${model.name}: saved (validation loss ${last.validationLoss.toFixed(2)}, ${seconds.toFixed(0)} s)`);
}

if (!only) {
  writeFileSync(join(outRoot, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  const rows = report.map(
    (r) =>
      `| ${r.name} | ${r.kind} | ${(r.data as string[]).join(' + ')} | ${r.images} | ${(r.settings as TrainSettings).epochs} | ` +
      `${(r.validationLoss as number).toFixed(2)} | ${(r.validationReconstruction as number).toFixed(2)} | ` +
      `${(r.validationKl as number).toFixed(2)} |`,
  );
  writeFileSync(
    join(outRoot, 'REPORT.md'),
    [
      '# Shipped models',
      '',
      'Produced by `npm run train:defaults` (seeded; backend ' + backend.backend + '). Losses are per image on the',
      'held-out 10 % (BCE summed over pixels + KL).',
      '',
      '| model | kind | data | images | epochs | val loss | val reconstruction | val KL |',
      '|---|---|---|---|---|---|---|---|',
      ...rows,
      '',
      'Data: MNIST © Yann LeCun and Corinna Cortes (CC BY-SA 3.0); Quick, Draw! dataset © Google Inc.,',
      'https://quickdraw.withgoogle.com/data, CC BY 4.0.',
      '',
    ].join('\n'),
  );
}

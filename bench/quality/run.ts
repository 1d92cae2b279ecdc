/**
 * Quality bench: trains each VAE architecture with LatentDraw's tfjs loop and, in the same run,
 * its PyTorch twin (bench/peers/torch_models.py) the same way (same data, split, epochs, batch,
 * optimiser, β), and prints the validation loss of both side by side. Goal: within 2 %.
 *
 *   npx tsx bench/quality/run.ts [--models mlp-vae,cvae,cvae-prior,conv-vae] [--datasets mnist,fashion]
 *     [--epochs 10] [--limit 10000] [--batch 100] [--backend wasm|cpu] [--no-peer] [--json]
 *   npx tsx bench/quality/run.ts --fidelity [--out bench/quality/out] [--json] [--sketch-peer]
 *
 * Data: MNIST t10k (10k digits) and the first --limit Fashion-MNIST training images; 10 %
 * held out for validation with seed 1. The peer runs Debian's python3-torch on one thread.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { registerWasmKernels } from '../../src/engine/backend/register-kernels';
import { selectBackend } from '../../src/engine/backend/select';
import { bytesToUnit } from '../../src/engine/data/raster/pixel-bytes';
import { loadTrainingData } from '../../src/engine/data/training-data';
import type { TrainingData } from '../../src/engine/data/training-data.types';
import { isConditional, MODEL_KINDS, type ModelKind } from '../../src/engine/models/types';
import type { TrainSettings } from '../../src/engine/train/settings';
import { train } from '../../src/engine/train/job/run-in-process';
import { numberArg, parseArgs } from './args';
import { fidelityMarkdown, runFidelity } from './fidelity/fidelity';
import { sketchPeerOptions } from './fidelity/sketch-peer';

const HERE = import.meta.dirname;
const SHARED = process.env.LATENTDRAW_SHARED_DATA ?? resolve(HERE, '../../../shared/data');
const PYTHON = process.env.PYTHON ?? (existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3');
const DATASETS: Record<string, string> = {
  mnist: 'mnist/t10k-images-idx3-ubyte.gz',
  fashion: 'fashion-mnist/train-images-idx3-ubyte.gz',
};

interface Figures {
  validationLoss: number;
  validationReconstruction: number;
  validationKl: number;
  samplesPerSecond: number;
  seconds: number;
}

interface Row {
  dataset: string;
  model: ModelKind;
  epochs: number;
  tfjs: Figures;
  torch?: Figures;
  /** tfjs / torch validation loss. */
  ratio?: number;
}

async function writeDataFiles(data: TrainingData, folder: string): Promise<Record<string, string>> {
  const files = {
    images: join(folder, 'images.f32'),
    labels: join(folder, 'labels.i32'),
    trainIndex: join(folder, 'train.i32'),
    validationIndex: join(folder, 'val.i32'),
  };
  const bytes = (a: Float32Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  // The peer reads [0, 1] floats, as the studio's models do.
  await writeFile(files.images, bytes(bytesToUnit(data.images)));
  await writeFile(files.labels, bytes(data.labels));
  await writeFile(files.trainIndex, bytes(data.trainIndex));
  await writeFile(files.validationIndex, bytes(data.validationIndex));
  return files;
}

function runPeer(config: Record<string, unknown>): Promise<Figures> {
  return new Promise((resolvePeer, reject) => {
    const started = performance.now();
    const child = spawn(PYTHON, [join(HERE, '../peers/quality_peer.py'), JSON.stringify(config)], {
      cwd: join(HERE, '../peers'),
      env: { ...process.env, OMP_NUM_THREADS: '1', OPENBLAS_NUM_THREADS: '1' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const lines = out.trim().split('\n').filter(Boolean);
      if (code !== 0 || lines.length === 0) {
        reject(new Error(`PyTorch peer failed (exit ${code}): ${err.trim().split('\n').slice(-3).join(' | ')}`));
        return;
      }
      const last = JSON.parse(lines[lines.length - 1]) as Omit<Figures, 'seconds'>;
      const samples = lines.map((l) => (JSON.parse(l) as Figures).samplesPerSecond);
      resolvePeer({
        ...last,
        samplesPerSecond: samples.reduce((a, b) => a + b, 0) / samples.length,
        seconds: (performance.now() - started) / 1000,
      });
    });
  });
}

const fmt = (v: number | undefined, digits = 2) => (v === undefined ? '—' : v.toFixed(digits));

/** `--fidelity`: how much of what the shipped models are shown survives (see fidelity/). */
async function fidelity(args: Map<string, string>): Promise<void> {
  await selectBackend({ only: 'wasm' });
  registerWasmKernels();
  const result = await runFidelity({
    resourcesRoot: resolve(args.get('resources') ?? resolve(HERE, '../../resources')),
    sharedData: SHARED,
    outDir: resolve(args.get('out') ?? join(HERE, 'out')),
    log: (line) => console.log(line),
    sketchPeer: sketchPeerOptions(args),
  });
  if (args.has('json')) console.log(JSON.stringify(result, (k, v: unknown) => (k === 'pairs' ? undefined : v)));
  else console.log(['', ...fidelityMarkdown(result)].join('\n'));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.has('fidelity')) return fidelity(args);
  const json = args.has('json');
  const models = (args.get('models') ?? 'mlp-vae,cvae,cvae-prior').split(',') as ModelKind[];
  for (const m of models) if (!MODEL_KINDS.includes(m) || m === 'conv-ae') throw new Error(`not a VAE kind: ${m}`);
  const datasets = (args.get('datasets') ?? 'mnist,fashion').split(',');
  const epochs = numberArg(args, 'epochs', 10);
  const limit = numberArg(args, 'limit', 10000);
  const backend = (args.get('backend') ?? 'wasm') as 'wasm' | 'cpu';
  const report = await selectBackend({ only: backend });
  if (backend === 'wasm') registerWasmKernels();
  const settings: Partial<TrainSettings> = {
    epochs,
    batchSize: numberArg(args, 'batch', 100),
    learningRate: numberArg(args, 'lr', 1e-3),
    optimizer: 'adam',
    beta: numberArg(args, 'beta', 1),
    seed: 1,
    latentSize: numberArg(args, 'latent', 2),
    hiddenSize: numberArg(args, 'hidden', 512),
  };
  const log = (line: string) => {
    if (!json) console.log(line);
  };
  log(`backend ${report.backend}; ${epochs} epochs; limit ${limit}; peer ${args.has('no-peer') ? 'off' : PYTHON}`);
  const rows: Row[] = [];
  const temp = await mkdtemp(join(tmpdir(), 'ld-quality-'));
  try {
    for (const name of datasets) {
      const data = await loadTrainingData(join(SHARED, DATASETS[name]), 'quickdraw28', {
        limit,
        validationShare: 0.1,
        seed: 1,
      });
      const files = await writeDataFiles(data, temp);
      for (const model of models) {
        const started = performance.now();
        const result = await train(data, model, settings, {
          onEpoch: (e) =>
            log(
              `  ${name} ${model} tfjs epoch ${e.epoch}: val ${fmt(e.validationLoss)} (rec ${fmt(e.validationReconstruction)}, kl ${fmt(e.validationKl)}) ${fmt(e.samplesPerSecond, 0)} samples/s`,
            ),
        });
        result.model.dispose();
        const last = result.history[result.history.length - 1];
        const tfjs: Figures = {
          validationLoss: last.validationLoss,
          validationReconstruction: last.validationReconstruction,
          validationKl: last.validationKl,
          samplesPerSecond: result.history.reduce((a, h) => a + h.samplesPerSecond, 0) / result.history.length,
          seconds: (performance.now() - started) / 1000,
        };
        let torch: Figures | undefined;
        if (!args.has('no-peer')) {
          torch = await runPeer({
            ...settings,
            ...files,
            kind: model,
            imageSize: data.imageSize,
            numClasses: isConditional(model) ? data.classNames.length : 0,
            threads: 1,
          });
          log(
            `  ${name} ${model} torch: val ${fmt(torch.validationLoss)} (rec ${fmt(torch.validationReconstruction)}, kl ${fmt(torch.validationKl)}) ${fmt(torch.samplesPerSecond, 0)} samples/s`,
          );
        }
        const row: Row = {
          dataset: name,
          model,
          epochs,
          tfjs,
          torch,
          ratio: torch ? tfjs.validationLoss / torch.validationLoss : undefined,
        };
        rows.push(row);
        if (json) console.log(JSON.stringify(row));
      }
    }
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  if (json) return;
  console.log(
    '\ndataset  model       val loss tfjs (rec + kl)      val loss torch (rec + kl)     ratio   samples/s tfjs / torch',
  );
  for (const r of rows) {
    const t = r.tfjs;
    const p = r.torch;
    console.log(
      [
        r.dataset.padEnd(8),
        r.model.padEnd(11),
        `${fmt(t.validationLoss)} (${fmt(t.validationReconstruction)} + ${fmt(t.validationKl)})`.padEnd(29),
        `${fmt(p?.validationLoss)} (${fmt(p?.validationReconstruction)} + ${fmt(p?.validationKl)})`.padEnd(29),
        (r.ratio === undefined ? '—' : `${((r.ratio - 1) * 100).toFixed(2)} %`).padEnd(7),
        `${fmt(t.samplesPerSecond, 0)} / ${fmt(p?.samplesPerSecond, 0)}`,
      ].join(' '),
    );
  }
}

await main();

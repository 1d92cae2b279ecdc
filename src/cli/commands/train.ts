import { basename, resolve } from 'node:path';
import { loadTrainingData } from '../../engine/data/training-data';
import { checkModelTarget } from '../../engine/models/store/save-target';
import { saveModel } from '../../engine/models/store/store';
import { MODEL_KINDS, type ModelKind } from '../../engine/models/types';
import { defaultDataHome } from '../../engine/paths';
import { checkpointFolderFor } from '../../engine/train/job/checkpoint-folder';
import { mergeTrainingData } from '../../engine/train/job/merge-data';
import type { EpochProgress } from '../../engine/train/progress';
import { resolveSettings } from '../../engine/train/resolve-settings';
import { train } from '../../engine/train/job/run-in-process';
import { parseArgs, schemaFlag, stringFlag } from '../args';
import { trainingLimitSchema } from '../../shared/contract/training';
import { type CliCommand, type CliIo, defineCommand, UsageError } from '../command';
import { settingsFromFlags, TRAIN_FLAGS } from './train-flags';
import { registerWasmKernels } from '../../engine/backend/register-kernels';
import { BACKEND_ORDER, selectBackend } from '../../engine/backend/select';
import type { BackendName } from '../../shared/types/backend';
import { backendFlag } from '../backend-flag';
import { RASTER_RECIPES, type RasterRecipe } from '../../engine/data/training-data.types';
import { defaultRecipe } from '../../engine/data/default-recipe';

function recipeOf(value: string | undefined): RasterRecipe | undefined {
  if (value === undefined) return undefined;
  if (!RASTER_RECIPES.includes(value as RasterRecipe))
    throw new UsageError(`--recipe must be one of ${RASTER_RECIPES.join(', ')}`);
  return value as RasterRecipe;
}

const fixed = (v: number, digits = 2) => (Number.isFinite(v) ? v.toFixed(digits) : String(v));

/**
 * The backend asked for, or the best one in training order (a GPU through WebGPU before the
 * CPU backends); wasm comes with the project's kernels (conv training needs them).
 */
async function startBackend(only: BackendName | undefined): Promise<string> {
  const report = await selectBackend({ only, order: BACKEND_ORDER });
  if (report.backend === 'wasm') registerWasmKernels();
  return report.backend;
}

function epochLine(e: EpochProgress): string {
  return (
    `epoch ${e.epoch}/${e.epochs}  loss ${fixed(e.trainLoss)}  val ${fixed(e.validationLoss)} ` +
    `(rec ${fixed(e.validationReconstruction)}, kl ${fixed(e.validationKl)})  ` +
    `${fixed(e.samplesPerSecond, 0)} samples/s  eta ${fixed(e.etaSeconds, 0)} s`
  );
}

function epochJson(e: EpochProgress): string {
  const { imageSize: _size, originals: _originals, reconstructions: _pictures, ...rest } = e;
  return JSON.stringify(rest);
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, command);
  const kind = stringFlag(args, 'model') as ModelKind | undefined;
  if (!kind || !MODEL_KINDS.includes(kind)) throw new UsageError(`--model must be one of ${MODEL_KINDS.join(', ')}`);
  const out = stringFlag(args, 'out');
  if (!out) throw new UsageError('--out DIR is required');
  const sources = [...(stringFlag(args, 'data')?.split(',') ?? []), ...args.positional].filter(Boolean);
  if (sources.length === 0) throw new UsageError('--data needs at least one dataset id or file');
  // Each setting not given takes the table's default, as in the studio.
  const settings = resolveSettings(settingsFromFlags(args), kind);
  const recipe = recipeOf(stringFlag(args, 'recipe')) ?? defaultRecipe(kind, sources);
  const limit = schemaFlag(args, 'limit', trainingLimitSchema);
  const json = args.flags.has('json');
  const target = resolve(out);
  // Before the run, so that no one waits through training to be told the path is refused.
  await checkModelTarget(target);

  const backend = await startBackend(backendFlag(args));
  const parts = [];
  for (const source of sources) {
    const { seed, validationShare } = settings;
    parts.push(await loadTrainingData(source, recipe, { limit, seed, validationShare }));
  }
  const data = mergeTrainingData(parts);
  if (!json)
    io.out(`training ${kind} on ${data.count} drawings (${data.classNames.length} classes, ${recipe}) with ${backend}`);

  // Keyed by the whole output path: a run with another --out of the same last part has its own.
  const checkpointDir = checkpointFolderFor(defaultDataHome(), target);
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  let lastReport = 0;
  try {
    const result = await train(data, kind, settings, {
      signal: controller.signal,
      checkpointDir,
      resumeFrom: args.flags.has('resume') ? checkpointDir : undefined,
      onBatch: (b) => {
        const now = Date.now();
        if (json || now - lastReport < 5000) return;
        lastReport = now;
        io.out(
          `  epoch ${b.epoch} batch ${b.batch}/${b.batches}  loss ${fixed(b.loss)}  ${fixed(b.samplesPerSecond, 0)} samples/s`,
        );
      },
      onEpoch: (e) => io.out(json ? epochJson(e) : epochLine(e)),
    });
    try {
      if (result.status === 'cancelled') {
        io.err(`cancelled; resume with --resume (checkpoint in ${checkpointDir})`);
        return 130;
      }
      await saveModel(result.model, target, { ...result.metadata, name: basename(target) });
      if (!json) io.out(`saved ${target}`);
      return 0;
    } finally {
      result.model.dispose();
    }
  } finally {
    process.off('SIGINT', onSignal);
  }
}

export const command: CliCommand = defineCommand({
  name: 'train',
  summary: `train a model (${MODEL_KINDS.join(', ')}) on datasets or data files`,
  operands: '[FILE…]',
  flags: TRAIN_FLAGS,
  // Usage errors and failures are reported by the dispatcher (src/cli/index.ts).
  run,
});

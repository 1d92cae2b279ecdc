import { registerWasmKernels } from '../../engine/backend/register-kernels';
import { selectBackend } from '../../engine/backend/select';
import { bytesToUnit } from '../../engine/data/raster/pixel-bytes';
import { loadTrainingData } from '../../engine/data/training-data';
import { encodeImages } from '../../engine/latent/codes';
import { loadModel } from '../../engine/models/store/store';
import { ARG_ERRORS, numberFlag, parseArgs, stringFlag } from '../args';
import { type CliCommand, type CliIo, defineCommand, jsonFlag, UsageError } from '../command';
import { BACKEND_FLAG, backendFlag } from '../backend-flag';

export const ENCODE_ERRORS = {
  unknownClass: 'a drawing has a class this conditional model was not trained on',
} as const;

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, command);
  const folder = stringFlag(args, 'model');
  if (!folder) throw new UsageError('--model DIR is required');
  if (args.positional.length === 0) throw new UsageError(ARG_ERRORS.noFile);
  const limit = numberFlag(args, 'limit', { integer: true, min: 1 });
  const json = args.flags.has('json');
  const report = await selectBackend({ only: backendFlag(args) });
  if (report.backend === 'wasm') registerWasmKernels();
  const { model, metadata } = await loadModel(folder);
  try {
    for (const file of args.positional) {
      const data = await loadTrainingData(file, metadata.recipe, { limit, validationShare: 0 });
      // conditional models need the label as the model numbers its classes
      const labels = Int32Array.from(data.labels, (l) => {
        if (!model.conditionalInputs) return 0;
        const index = metadata.classNames.indexOf(data.classNames[l]);
        if (index < 0) throw new Error(`${ENCODE_ERRORS.unknownClass}: ${data.classNames[l]}`);
        return index;
      });
      const codes = await encodeImages(model, bytesToUnit(data.images), data.count, {
        labels: model.conditionalInputs ? labels : undefined,
      });
      const k = metadata.latentSize;
      for (let i = 0; i < data.count; i += 1) {
        const z = Array.from(codes.subarray(i * k, (i + 1) * k), (v) => Number(v.toPrecision(6)));
        const label = data.classNames[data.labels[i]] ?? '';
        io.out(json ? JSON.stringify({ file, index: i, label, z }) : `${file}#${i}\t${label}\t${z.join(',')}`);
      }
    }
  } finally {
    model.dispose();
  }
  return 0;
}

export const command: CliCommand = defineCommand({
  name: 'encode',
  summary: "print each drawing's latent code (the mean μ) under a saved model",
  operands: 'FILE…',
  flags: [
    { name: 'model', value: 'DIR', about: "the saved model's folder", required: true },
    { name: 'limit', value: 'N', about: 'encode at most N drawings of each file', default: 'all of them' },
    BACKEND_FLAG,
    jsonFlag('one line per drawing'),
  ],
  // Usage errors and failures are reported by the dispatcher (src/cli/index.ts).
  run,
});

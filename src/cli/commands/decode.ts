import { writeFile } from 'node:fs/promises';
import { registerWasmKernels } from '../../engine/backend/register-kernels';
import { selectBackend } from '../../engine/backend/select';
import { encodeGrayPng, GRAY_PICTURE_BYTES_PER_PIXEL, upscale } from '../../engine/image/png';
import { checkMemory, MEMORY_BUDGET_BYTES } from '../../engine/memory-budget';
import { decodeLatents } from '../../engine/latent/codes';
import { loadModel } from '../../engine/models/store/store';
import { numberFlag, parseArgs, stringFlag } from '../args';
import { type CliCommand, type CliIo, defineCommand, UsageError } from '../command';
import { DECODE_FLAGS, DEFAULT_SCALE } from './decode-flags';

function parseZ(text: string, size: number): Float32Array {
  const values = text.split(',').map((v) => Number(v.trim()));
  if (values.length !== size || values.some((v) => !Number.isFinite(v))) {
    throw new UsageError(`--z needs ${size} comma-separated numbers (the model's latent size)`);
  }
  return Float32Array.from(values);
}

export const PICTURE_MEMORY = {
  what: 'this picture',
  advice: (largest: number) => `lower --scale (at most ${largest} for this model)`,
} as const;

/** Refuses a scale whose picture would not fit in the memory budget, before any pixel is made. */
function checkPicture(side: number, scale: number): void {
  const bytes = (factor: number) => (side * factor) ** 2 * GRAY_PICTURE_BYTES_PER_PIXEL;
  const largest = Math.floor(Math.sqrt(MEMORY_BUDGET_BYTES / GRAY_PICTURE_BYTES_PER_PIXEL) / side);
  checkMemory(PICTURE_MEMORY.what, bytes(scale), PICTURE_MEMORY.advice(largest));
}

async function run(argv: string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, command);
  const folder = stringFlag(args, 'model');
  const zText = stringFlag(args, 'z');
  const out = stringFlag(args, 'out');
  if (!folder || zText === undefined || !out) throw new UsageError('--model, --z and --out are required');
  const scale = numberFlag(args, 'scale', { integer: true, min: 1 }) ?? DEFAULT_SCALE;
  const report = await selectBackend();
  if (report.backend === 'wasm') registerWasmKernels();
  const { model, metadata } = await loadModel(folder);
  try {
    const z = parseZ(zText, metadata.latentSize);
    checkPicture(metadata.imageSize, scale);
    let labels: number[] | undefined;
    if (model.conditionalInputs) {
      const wanted = stringFlag(args, 'class');
      if (wanted === undefined) throw new UsageError(`--class is required: one of ${metadata.classNames.join(', ')}`);
      const byName = metadata.classNames.indexOf(wanted);
      const index = byName >= 0 ? byName : Number(wanted);
      if (!Number.isInteger(index) || index < 0 || index >= metadata.numClasses) {
        throw new UsageError(`--class must be one of ${metadata.classNames.join(', ')}`);
      }
      labels = [index];
    }
    const image = await decodeLatents(model, z, 1, { labels });
    const s = metadata.imageSize;
    await writeFile(out, encodeGrayPng(upscale(image, s, s, scale), s * scale, s * scale));
    io.out(args.flags.has('json') ? JSON.stringify({ out, z: Array.from(z), width: s * scale }) : `wrote ${out}`);
  } finally {
    model.dispose();
  }
  return 0;
}

export const command: CliCommand = defineCommand({
  name: 'decode',
  summary: 'decode one latent vector of a saved model into a PNG',
  flags: DECODE_FLAGS,
  // Usage errors and failures are reported by the dispatcher (src/cli/index.ts).
  run,
});

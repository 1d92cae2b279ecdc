import { settingApplies } from '../../shared/model-kinds';
import { checkMemory } from '../memory-budget';
import { defaultConfig } from '../models/build';
import { STRIDED_AE_FILTERS } from '../models/strided-ae';
import { isConditional, trilSize, type ModelConfig, type ModelKind } from '../models/types';

/** One layer as the estimate sees it: the weights it owns and the values it holds per image during a step. */
interface Layer {
  params: number;
  values: number;
}

/** What a kind's builder makes, as sizes: its layers, and values a step makes whatever the batch. */
interface Shape {
  layers: Layer[];
  fixed: number;
}

/*
 * Values held per output value during a training step, measured with tf.profile's peak over
 * one step of each kind on wasm (batches of 64–512, hidden 512–2048): a Dense output is kept
 * with its pre-activation, their gradients and the matmul's temporaries; a convolution's are
 * fused; a layer that only moves values keeps them and their gradient.
 */
const DENSE_COPIES = 10;
const CONV_COPIES = 7;
const MOVED_COPIES = 2;
/** The batch's pixels, and the fused BCE's per-pixel values. */
const PIXEL_COPIES = 3;
/** The full-covariance posterior holds its k×k scale L a few times per drawing (L, L·ε, L², diag L). */
const FULL_SCALE_COPIES = 8;

const dense = (inputs: number, units: number): Layer => ({
  params: inputs * units + units,
  values: DENSE_COPIES * units,
});
/** A square-kernel convolution (or its transpose) with 'same' padding; `side` is its output's side. */
const conv = (side: number, inputs: number, filters: number, kernel: number): Layer => ({
  params: kernel * kernel * inputs * filters + filters,
  values: CONV_COPIES * side * side * filters,
});
/** A layer that only moves values (concatenate, pool, upsample). */
const moved = (outputs: number): Layer => ({ params: 0, values: MOVED_COPIES * outputs });
const pixels = (c: ModelConfig): Layer => ({ params: 0, values: PIXEL_COPIES * c.imageSize * c.imageSize });

/** src/engine/models/conv-ae.ts */
function convAe(c: ModelConfig): Shape {
  const s = c.imageSize;
  const layers: Layer[] = [pixels(c)];
  let side = s;
  let inputs = 1;
  let channels = 2;
  for (let i = 1; i <= 4; i += 1) {
    channels *= 2;
    layers.push(conv(side, inputs, channels, 3), conv(side, inputs, channels, 2), moved(side * side * 2 * channels));
    side = Math.ceil(side / 2);
    inputs = 2 * channels;
    layers.push(moved(side * side * inputs));
  }
  layers.push({ params: inputs * channels + channels, values: DENSE_COPIES * side * side * channels });
  inputs = channels;
  for (let i = 1; i <= 4; i += 1) {
    layers.push(conv(side, inputs, channels, 3));
    inputs = channels;
    side *= 2;
    layers.push(moved(side * side * channels));
    channels /= 2;
  }
  layers.push(conv(side, inputs, 1, 3));
  if (side !== s) layers.push(moved(s * s));
  return { layers, fixed: 0 };
}

/** src/engine/models/conv-vae.ts */
function convVae(c: ModelConfig): Shape {
  const s = c.imageSize;
  const half = s / 2;
  const k = c.latentSize;
  const layers = [
    pixels(c),
    conv(s, 1, 32, 3),
    conv(half, 32, 64, 3),
    conv(half, 64, 64, 3),
    conv(half, 64, 64, 3),
    dense(half * half * 64, 32),
    dense(32, k),
    dense(32, k),
    dense(k, half * half * 64),
    conv(s, 64, 32, 3),
    conv(s, 32, 1, 3),
  ];
  return { layers, fixed: 0 };
}

/** src/engine/models/strided-ae.ts */
function stridedAe(c: ModelConfig): Shape {
  const s = c.imageSize;
  const half = s / 2;
  const quarter = s / 4;
  const [narrow, wide] = STRIDED_AE_FILTERS;
  const maps = quarter * quarter * wide;
  const layers = [
    pixels(c),
    conv(half, 1, narrow, 3),
    conv(quarter, narrow, wide, 3),
    dense(maps, c.latentSize),
    dense(c.latentSize, maps),
    conv(half, wide, wide, 3),
    conv(s, wide, narrow, 3),
    conv(s, narrow, 1, 3),
  ];
  return { layers, fixed: 0 };
}

/** src/engine/models/mlp-vae.ts and cvae.ts (the one-hot label joins the pixels and z). */
function mlpVae(c: ModelConfig, classes: number): Shape {
  const { hiddenSize: h, latentSize: k } = c;
  const p = c.imageSize * c.imageSize;
  const joined = classes > 0 ? [moved(p + classes), moved(k + classes)] : [];
  const layers = [
    pixels(c),
    ...joined,
    dense(p + classes, h),
    dense(h, k),
    dense(h, k),
    dense(k + classes, h),
    dense(h, p),
  ];
  return { layers, fixed: 0 };
}

/** src/engine/models/cvae-prior.ts, and the scale L that gaussian.ts builds from its parameters. */
function cvaePrior(c: ModelConfig): Shape {
  const { hiddenSize: h, latentSize: k, numClasses } = c;
  const p = c.imageSize * c.imageSize;
  const t = trilSize(k);
  const layers = [
    pixels(c),
    dense(p, h),
    dense(h, k),
    dense(h, t),
    dense(k, h),
    dense(h, p),
    dense(numClasses, 2 * k),
    dense(2 * k, k),
    { params: 0, values: FULL_SCALE_COPIES * k * k },
  ];
  // scaleTril places the t parameters into k×k with a constant 0/1 matrix, made every step, and
  // its gradient needs it again turned round.
  return { layers, fixed: 2 * t * k * k };
}

/**
 * Each kind's sizes as the estimate sees them, and what to lower when its run does not fit. The
 * record's type makes a kind without an estimate a type error, as a kind without a builder is.
 */
const KIND_MEMORY: { readonly [K in ModelKind]: { shape: (c: ModelConfig) => Shape; lower: string } } = {
  'conv-ae': { shape: convAe, lower: 'the batch size' },
  'strided-ae': { shape: stridedAe, lower: 'the batch size or latent size' },
  'conv-vae': { shape: convVae, lower: 'the batch size' },
  'mlp-vae': { shape: (c) => mlpVae(c, 0), lower: 'the batch size or hidden units' },
  cvae: { shape: (c) => mlpVae(c, c.numClasses), lower: 'the batch size or hidden units' },
  // Its full-covariance posterior holds k×k values per drawing.
  'cvae-prior': { shape: cvaePrior, lower: 'the batch size, hidden units or latent size' },
};

/**
 * Copies of every weight a run holds at its peak: the weights, Adam's two moments, the
 * gradients and the step's temporaries (6, measured as above), plus the copy the engine keeps
 * to write checkpoints and the weights sent after each epoch. A helper thread (two workers)
 * holds its own weights, gradients and temporaries.
 */
const PARAMETER_COPIES = 8;
const HELPER_COPIES = 3;
const BYTES_PER_VALUE = 4;

export interface RunFootprint {
  /** Weights of every part of the model. */
  parameters: number;
  /** Values a step keeps per drawing in the batch. */
  valuesPerImage: number;
  /** Bytes the run is expected to hold at its peak. */
  bytes: number;
}

/**
 * The memory a training run of this model config needs at its peak, worked out from the
 * config alone (nothing is built): weights × their copies + activations × the batch.
 */
export function runFootprint(config: ModelConfig, batchSize: number, workers = 1): RunFootprint {
  const { layers, fixed } = KIND_MEMORY[config.kind].shape(config);
  const parameters = layers.reduce((sum, l) => sum + l.params, 0);
  const valuesPerImage = layers.reduce((sum, l) => sum + l.values, 0);
  const copies = PARAMETER_COPIES + (workers > 1 ? HELPER_COPIES : 0);
  const values = parameters * copies + valuesPerImage * batchSize + fixed;
  return { parameters, valuesPerImage, bytes: values * BYTES_PER_VALUE };
}

export const RUN_MEMORY = {
  what: 'this run',
  advice: (kind: ModelKind) => `lower ${KIND_MEMORY[kind].lower}`,
} as const;

/**
 * Refuses a run that would not fit in the memory budget, before anything is built. `batchSize`
 * is the batch the run really uses (never more drawings than it has).
 */
export function checkRunFits(config: ModelConfig, batchSize: number, workers = 1): void {
  const { bytes } = runFootprint(config, batchSize, workers);
  checkMemory(RUN_MEMORY.what, bytes, RUN_MEMORY.advice(config.kind));
}

/**
 * The same check before any data is loaded, so the studio refuses a start at once: with the
 * kind's own image size and the fewest classes a conditional run has, it is a lower bound of
 * the run's own estimate, which runConfig checks once the data is in.
 */
export function checkSettingsFit(
  kind: ModelKind,
  settings: { batchSize: number; latentSize: number; hiddenSize?: number; workers?: number },
): void {
  const config = defaultConfig(kind, {
    // As runConfig: a kind whose code size follows from its layers keeps its own.
    latentSize: settingApplies(kind, 'latentSize') ? settings.latentSize : undefined,
    hiddenSize: settings.hiddenSize,
    numClasses: isConditional(kind) ? 2 : 1,
  });
  checkRunFits(config, settings.batchSize, settings.workers ?? 1);
}

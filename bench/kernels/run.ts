/**
 * Per-kernel timings on wasm, tfjs's shipped kernels beside ours, on the shapes the studio's
 * models train with (median ms of 7 runs; NaN: tfjs ships no such wasm kernel).
 * `npx tsx bench/kernels/run.ts`
 */
import { selectBackend, tf } from '../../src/engine/backend/select';
import { registerWasmKernels, unregisterWasmKernels } from '../../src/engine/backend/register-kernels';
import { medianMs } from './time';

const rand = (shape: number[]) => tf.randomUniform(shape, -1, 1);
/** Values of which about `share` are exactly zero: a batch of drawings (≈ 0.8), a ReLU output (≈ 0.5). */
const withZeros = (shape: number[], share: number) =>
  tf.tidy(() => rand(shape).mul(tf.randomUniform(shape).greaterEqual(share).toFloat()));

interface Case {
  name: string;
  flops: number;
  run: () => tf.Tensor;
}

function matmulCases(): Case[] {
  const [m, k, n] = [128, 784, 512];
  const a = rand([m, k]);
  const at = rand([k, m]);
  const b = rand([k, n]);
  const bt = rand([n, k]);
  const flops = 2 * m * k * n;
  return [
    { name: `matMul ${m}x${k}@${k}x${n}`, flops, run: () => tf.matMul(a, b) },
    { name: 'matMul transposeA', flops, run: () => tf.matMul(at, b, true, false) },
    { name: 'matMul transposeB', flops, run: () => tf.matMul(a, bt, false, true) },
    ...[0.8, 0.5].map((share) => {
      const x = withZeros([m, k], share);
      return { name: `matMul, A ${share * 100}% zeros`, flops, run: () => tf.matMul(x, b) };
    }),
    ...[0.8, 0.5].map((share) => {
      const xt = withZeros([k, m], share);
      return { name: `matMul transposeA, A ${share * 100}% zeros`, flops, run: () => tf.matMul(xt, b, true, false) };
    }),
  ];
}

type Shape4 = [number, number, number, number];
/** `zeros`: the share of x's values that are zero, as a ReLU layer's output (≈ 0.5) or a drawing (≈ 0.8). */
function convCases(label: string, x: Shape4, k: number, cout: number, stride: number, zeros: number): Case[] {
  const filter: Shape4 = [k, k, x[3], cout];
  const xs = rand(x) as tf.Tensor4D;
  const sparse = withZeros(x, zeros) as tf.Tensor4D;
  const fs = rand(filter) as tf.Tensor4D;
  const y = tf.conv2d(xs, fs, stride, 'same');
  const dy = rand(y.shape) as tf.Tensor4D;
  const flops = 2 * y.size * k * k * x[3];
  const attrs = { strides: stride, pad: 'same', dataFormat: 'NHWC', filterShape: filter };
  return [
    { name: `${label} conv2d`, flops, run: () => tf.conv2d(xs, fs, stride, 'same') },
    {
      name: `${label} backpropFilter`,
      flops,
      run: () => tf.engine().runKernel('Conv2DBackpropFilter', { x: xs, dy }, attrs) as tf.Tensor,
    },
    {
      name: `${label} backpropFilter, x ${zeros * 100}% zeros`,
      flops,
      run: () => tf.engine().runKernel('Conv2DBackpropFilter', { x: sparse, dy }, attrs) as tf.Tensor,
    },
    { name: `${label} backpropInput`, flops, run: () => tf.conv2dTranspose(dy, fs, x, stride, 'same') },
  ];
}

function otherCases(): Case[] {
  const x = rand([128, 32, 32, 8]) as tf.Tensor4D;
  const pooled = tf.maxPool(x, 2, 2, 'same');
  const dy = rand(pooled.shape);
  const poolAttrs = { filterSize: 2, strides: 2, pad: 'same' };
  const halves = [rand([128, 32, 32, 4]), rand([128, 32, 32, 4])];
  const dyConv = rand([64, 28, 28, 32]);
  return [
    {
      name: 'MaxPoolGrad 128x32x32x8 2x2',
      flops: 0,
      run: () => tf.engine().runKernel('MaxPoolGrad', { dy, input: x, output: pooled }, poolAttrs) as tf.Tensor,
    },
    { name: 'Concat 2x[128,32,32,4] channels', flops: 0, run: () => tf.concat(halves, 3) },
    { name: 'SplitV [128,32,32,8] channels', flops: 0, run: () => tf.split(x, [4, 4], 3)[0] },
    { name: 'Sum bias grad [64,28,28,32]', flops: 0, run: () => tf.sum(dyConv, [0, 1, 2]) },
  ];
}

async function main(): Promise<void> {
  await selectBackend({ only: 'wasm' });
  const cases = [
    ...matmulCases(),
    ...convCases('convVAE L1 28x28x1→32', [64, 28, 28, 1], 3, 32, 1, 0.8),
    ...convCases('convVAE L2 28x28x32→64 s2', [64, 28, 28, 32], 3, 64, 2, 0.5),
    ...convCases('convVAE L3 14x14x64→64', [64, 14, 14, 64], 3, 64, 1, 0.5),
    ...convCases('convVAE convT 14→28 64→32 s2', [64, 28, 28, 32], 3, 64, 2, 0.5),
    ...convCases('convAE 32x32x1→4', [128, 32, 32, 1], 3, 4, 1, 0.8),
    ...convCases('convAE 16x16x8→16', [128, 16, 16, 8], 3, 16, 1, 0.5),
    ...otherCases(),
  ];
  console.log('case'.padEnd(44), 'shipped ms'.padStart(11), 'ours ms'.padStart(9), 'ours GFLOP/s'.padStart(13));
  for (const c of cases) {
    unregisterWasmKernels();
    let shipped = NaN;
    try {
      shipped = await medianMs(c.run, 3, 1);
    } catch {
      // Conv2DBackpropFilter does not exist in the shipped wasm backend.
    }
    registerWasmKernels();
    const ours = await medianMs(c.run);
    const gflops = c.flops ? (c.flops / ours / 1e6).toFixed(1) : '-';
    console.log(c.name.padEnd(44), shipped.toFixed(2).padStart(11), ours.toFixed(2).padStart(9), gflops.padStart(13));
  }
}

await main();

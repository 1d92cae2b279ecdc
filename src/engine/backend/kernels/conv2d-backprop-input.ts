import { backend_util, Conv2DBackpropInput } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Conv2DBackpropInputAttrs, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import { concatFloat } from './concat';
import { spatialWindow } from './window';
import { phaseFilters } from './phase-filters';
import { call, free, required, reshape } from './wasm-call';

/** One axis of one output phase: which filter taps reach it and which dy rows they read. */
interface Phase {
  /** First tap (in the flipped filter) and how many taps, every `stride`-th. */
  tap: number;
  taps: number;
  /** dy row read by tap 0 for output row `phase`: u-th output of the phase reads dy[u + t + offset]. */
  offset: number;
}

/**
 * Output rows h = s·u + c (phase c) of a transposed convolution only meet the filter taps
 * i ≡ (P − c) mod s of the flipped filter, P = k − 1 − padBefore, and read dy[u + t + (c + i0 − P)/s].
 * So each phase is a stride-1 convolution of dy with a ⌈k/s⌉-tap sub-filter: no zero is multiplied.
 */
function phaseOf(c: number, stride: number, kernel: number, padBefore: number): Phase {
  const p = kernel - 1 - padBefore;
  const tap = (((p - c) % stride) + stride) % stride;
  const taps = tap < kernel ? Math.ceil((kernel - tap) / stride) : 0;
  return { tap, taps, offset: (c + tap - p) / stride };
}

/**
 * Phase outputs [B, U, V, ci], row phase major, into [B, U·sh, V·sw, ci]. Concatenating along
 * the channel axis interleaves columns and along a row axis interleaves rows, so two memory
 * passes replace the rank-5 transpose (which wasm runs on a slow generic path).
 */
function interleave(backend: BackendWasm, phases: TensorInfo[], sh: number, sw: number): TensorInfo {
  if (phases.length === 1) return phases[0];
  const [b, u, v, c] = phases[0].shape;
  const rowsOf: TensorInfo[] = [];
  for (let ch = 0; ch < sh; ch++) {
    const group = phases.slice(ch * sw, ch * sw + sw);
    const cols = sw === 1 ? group[0] : concatFloat(backend, group, 3);
    rowsOf.push(reshape(backend, cols, [b, u, 1, v * sw * c]));
    if (sw !== 1) free(backend, cols);
  }
  const joined = sh === 1 ? rowsOf[0] : concatFloat(backend, rowsOf, 2);
  const out = reshape(backend, joined, [b, u * sh, v * sw, c]);
  free(backend, ...phases, ...rowsOf);
  if (sh !== 1) free(backend, joined);
  return out;
}

/**
 * tfjs's wasm Conv2DBackpropInput (also Conv2DTranspose's forward pass) is a scalar loop. We
 * run it as stride-1 'valid' convolutions on XNNPACK with the filter turned 180° and its channel
 * axes swapped: one convolution for stride 1, one per output phase (s² of them) otherwise,
 * interleaved by two concatenations.
 */
function conv2dBackpropInput(
  dy: TensorInfo,
  filter: TensorInfo,
  attrs: Conv2DBackpropInputAttrs,
  backend: BackendWasm,
) {
  if (attrs.dataFormat === 'NCHW') throw new Error('wasm Conv2DBackpropInput supports only NHWC');
  const info = backend_util.computeConv2DInfo(
    attrs.inputShape,
    filter.shape as [number, number, number, number],
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, inHeight, inWidth, batchSize } = info;
  const inChannels = info.inChannels;
  // Rows/columns per phase; the last phase may compute a row past the image, cropped below.
  const rows = Math.ceil(inHeight / sh);
  const cols = Math.ceil(inWidth / sw);
  const plan: Array<{ ph: Phase; pw: Phase } | null> = [];
  for (let ch = 0; ch < sh; ch++) {
    for (let cw = 0; cw < sw; cw++) {
      const ph = phaseOf(ch, sh, kh, info.padInfo.top);
      const pw = phaseOf(cw, sw, kw, info.padInfo.left);
      plan.push(ph.taps === 0 || pw.taps === 0 ? null : { ph, pw });
    }
  }
  const filters = phaseFilters(
    backend,
    filter,
    plan.map((p) => (p ? { rowTap: p.ph.tap, colTap: p.pw.tap } : null)),
    sh,
    sw,
  );
  const phases = plan.map((p, i) => {
    const sub = filters[i];
    if (!p || !sub) {
      return call('Fill', backend, {}, { shape: [batchSize, rows, cols, inChannels], value: 0, dtype: 'float32' });
    }
    const { ph, pw } = p;
    const dyw = spatialWindow(backend, dy, -ph.offset, rows + ph.taps - 1, -pw.offset, cols + pw.taps - 1);
    const out = call(
      'Conv2D',
      backend,
      { x: dyw, filter: sub },
      { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [1, 1] },
    );
    free(backend, dyw);
    return out;
  });
  const full = interleave(backend, phases, sh, sw);
  if (rows * sh === inHeight && cols * sw === inWidth) return full;
  const dx = call(
    'Slice',
    backend,
    { x: full },
    { begin: [0, 0, 0, 0], size: [batchSize, inHeight, inWidth, inChannels] },
  );
  free(backend, full);
  return dx;
}

export function conv2dBackpropInputConfig(): KernelConfig {
  return {
    kernelName: Conv2DBackpropInput,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) =>
      conv2dBackpropInput(
        required(inputs, 'dy'),
        required(inputs, 'filter'),
        attrs as unknown as Conv2DBackpropInputAttrs,
        backend as BackendWasm,
      ),
  };
}

import { backend_util, Conv2DBackpropFilter } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { Conv2DBackpropFilterAttrs, KernelConfig, TensorInfo } from '@tensorflow/tfjs';
import { sparseFilterGradient, sparseFilterGradientFits } from './sparse-filter-gradient';
import { spatialWindow } from './window';
import { call, free, required, transpose } from './wasm-call';

/**
 * tfjs's wasm backend has no Conv2DBackpropFilter, so no conv layer trains on it as shipped.
 * dW[i,j,ci,co] = Σ_{b,y,x} xpad[b, y·s+i, x·s+j, ci] · dy[b,y,x,co] is itself a convolution:
 * x laid out as [ci, H, W, B] (channels as batch, batch as channels) convolved with dy laid out
 * as a filter [oh, ow, B, co], stride 1, dilation = the forward stride. That runs on XNNPACK's
 * convolution, the fastest dense code the backend has.
 *
 * When x is mostly zeros (a drawing, a ReLU layer's output) the gradient is taken tap by tap
 * over x's nonzeros instead (sparse-filter-gradient.ts): 2–3× less time on the conv VAE's layers.
 */
function conv2dBackpropFilter(x: TensorInfo, dy: TensorInfo, attrs: Conv2DBackpropFilterAttrs, backend: BackendWasm) {
  if (attrs.dataFormat === 'NCHW') throw new Error('wasm Conv2DBackpropFilter supports only NHWC');
  const info = backend_util.computeConv2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterShape,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  const { strideHeight: sh, strideWidth: sw, filterHeight: kh, filterWidth: kw, outHeight: oh, outWidth: ow } = info;
  // Exactly the input rows/columns the forward pass read, so the 'valid' result is kh × kw.
  const xw = spatialWindow(backend, x, info.padInfo.top, (oh - 1) * sh + kh, info.padInfo.left, (ow - 1) * sw + kw);
  if (sparseFilterGradientFits(backend, x, attrs.filterShape[3])) {
    try {
      return sparseFilterGradient(backend, xw, dy, { kh, kw, sh, sw, oh, ow });
    } finally {
      free(backend, xw);
    }
  }
  const xT = transpose(backend, xw, [3, 1, 2, 0]);
  const dyT = transpose(backend, dy, [1, 2, 0, 3]);
  const conv = call(
    'Conv2D',
    backend,
    { x: xT, filter: dyT },
    { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', dilations: [sh, sw] },
  );
  const dW = transpose(backend, conv, [1, 2, 0, 3]);
  free(backend, xw, xT, dyT, conv);
  return dW;
}

export const conv2dBackpropFilterConfig: KernelConfig = {
  kernelName: Conv2DBackpropFilter,
  backendName: 'wasm',
  kernelFunc: ({ inputs, backend, attrs }) =>
    conv2dBackpropFilter(
      required(inputs, 'x'),
      required(inputs, 'dy'),
      attrs as unknown as Conv2DBackpropFilterAttrs,
      backend as BackendWasm,
    ),
};

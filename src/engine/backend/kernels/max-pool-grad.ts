import { backend_util, MaxPoolGrad } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, MaxPoolGradAttrs, TensorInfo } from '@tensorflow/tfjs';
import { required } from './wasm-call';

/**
 * tfjs's wasm MaxPoolGrad takes ~25 ms for one 128×32×32×8 map (the Cookbook autoencoder's
 * first pool), more than its conv gradients; this straight loop does it at memory speed.
 * Ties go to the first maximum in window order, as on the cpu backend.
 */
function maxPoolGrad(backend: BackendWasm, dy: TensorInfo, x: TensorInfo, attrs: MaxPoolGradAttrs): TensorInfo {
  const info = backend_util.computePool2DInfo(
    x.shape as [number, number, number, number],
    attrs.filterSize,
    attrs.strides,
    1,
    attrs.pad,
    attrs.dimRoundingMode,
  );
  const { batchSize, inHeight, inWidth, inChannels: c, outHeight, outWidth, strideHeight, strideWidth } = info;
  const { effectiveFilterHeight: fh, effectiveFilterWidth: fw } = info;
  const out = backend.makeOutput(x.shape, 'float32');
  // Views after makeOutput: allocating can grow the heap and detach older views.
  const dx = backend.typedArrayFromHeap(out) as Float32Array;
  const xs = backend.typedArrayFromHeap(x) as Float32Array;
  const dys = backend.typedArrayFromHeap(dy) as Float32Array;
  dx.fill(0);
  const rowStride = inWidth * c;
  for (let b = 0; b < batchSize; b++) {
    const xBase = b * inHeight * rowStride;
    for (let yr = 0; yr < outHeight; yr++) {
      const r0 = yr * strideHeight - info.padInfo.top;
      const rBegin = Math.max(0, r0);
      const rEnd = Math.min(inHeight, r0 + fh);
      for (let yc = 0; yc < outWidth; yc++) {
        const c0 = yc * strideWidth - info.padInfo.left;
        const cBegin = Math.max(0, c0);
        const cEnd = Math.min(inWidth, c0 + fw);
        const dyBase = ((b * outHeight + yr) * outWidth + yc) * c;
        for (let d = 0; d < c; d++) {
          let best = -Infinity;
          let at = -1;
          for (let r = rBegin; r < rEnd; r++) {
            let i = xBase + r * rowStride + cBegin * c + d;
            for (let col = cBegin; col < cEnd; col++, i += c) {
              if (xs[i] > best) {
                best = xs[i];
                at = i;
              }
            }
          }
          if (at >= 0) dx[at] += dys[dyBase + d];
        }
      }
    }
  }
  return out;
}

export function maxPoolGradConfig(original: KernelFunc): KernelConfig {
  return {
    kernelName: MaxPoolGrad,
    backendName: 'wasm',
    kernelFunc: (args) => {
      const x = required(args.inputs, 'input');
      if (x.dtype !== 'float32') return original(args);
      return maxPoolGrad(
        args.backend as BackendWasm,
        required(args.inputs, 'dy'),
        x,
        args.attrs as unknown as MaxPoolGradAttrs,
      );
    },
  };
}

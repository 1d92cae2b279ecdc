import { Sum, util } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, SumAttrs, TensorInfo } from '@tensorflow/tfjs';
import { required } from './wasm-call';

/**
 * Every bias gradient sums dy over its leading axes (batch, rows, columns). tfjs's wasm Sum
 * first transposes the reduced axes to the end (a full copy) and then reduces; summing whole
 * rows in place reads the data once. Other reductions go to tfjs's kernel.
 */
function sumLeading(backend: BackendWasm, x: TensorInfo, reduced: number, keepDims: boolean): TensorInfo {
  const inner = util.sizeFromShape(x.shape.slice(reduced));
  const rows = util.sizeFromShape(x.shape.slice(0, reduced));
  const shape = keepDims ? x.shape.map((d, i) => (i < reduced ? 1 : d)) : x.shape.slice(reduced);
  const out = backend.makeOutput(shape, 'float32');
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  // Float64 partial sums: as accurate as the pairwise sum tfjs does, whatever the row count.
  const acc = new Float64Array(inner);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let j = 0; j < inner; j++, i++) acc[j] += src[i];
  }
  dst.set(acc);
  return out;
}

export function sumConfig(original: KernelFunc): KernelConfig {
  return {
    kernelName: Sum,
    backendName: 'wasm',
    kernelFunc: (args) => {
      const x = required(args.inputs, 'x');
      const { axis, keepDims } = args.attrs as unknown as SumAttrs;
      const axes = util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
      const leading = axes.length > 0 && axes.length < x.shape.length && axes.every((a, i) => a === i);
      if (x.dtype !== 'float32' || !leading) return original(args);
      return sumLeading(args.backend as BackendWasm, x, axes.length, keepDims);
    },
  };
}

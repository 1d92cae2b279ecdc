import { backend_util, SplitV, util } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, SplitVAttrs, TensorInfo } from '@tensorflow/tfjs';
import { copyRuns } from './strided-copy';
import { required } from './wasm-call';

/**
 * SplitV is the gradient of every Concatenate layer (the Cookbook autoencoder has four, along
 * channels). tfjs's wasm SplitV slices element by element through a generic index routine;
 * as strided run copies it is a memory-speed pass.
 */
function splitFloat(backend: BackendWasm, x: TensorInfo, attrs: SplitVAttrs): TensorInfo[] {
  const axis = util.parseAxisParam(attrs.axis, x.shape)[0];
  const sizes = backend_util.prepareSplitSize(x, attrs.numOrSizeSplits, axis);
  const outer = util.sizeFromShape(x.shape.slice(0, axis));
  const inner = util.sizeFromShape(x.shape.slice(axis + 1));
  const xRow = x.shape[axis] * inner;
  const outs = sizes.map((size) => {
    const shape = [...x.shape];
    shape[axis] = size;
    return backend.makeOutput(shape, 'float32');
  });
  // Views only after every makeOutput: an allocation can grow (and detach) the heap.
  const src = backend.typedArrayFromHeap(x) as Float32Array;
  let offset = 0;
  outs.forEach((out, i) => {
    const row = sizes[i] * inner;
    copyRuns(src, offset, xRow, backend.typedArrayFromHeap(out) as Float32Array, 0, row, outer, row);
    offset += row;
  });
  return outs;
}

export function splitVConfig(original: KernelFunc): KernelConfig {
  return {
    kernelName: SplitV,
    backendName: 'wasm',
    kernelFunc: (args) =>
      required(args.inputs, 'x').dtype === 'float32'
        ? splitFloat(args.backend as BackendWasm, required(args.inputs, 'x'), args.attrs as unknown as SplitVAttrs)
        : original(args),
  };
}

import { backend_util, Concat, util } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { copyRuns } from './strided-copy';

/** Float concat along any axis as strided run copies; anything else goes to tfjs's kernel. */
export function concatFloat(backend: BackendWasm, inputs: TensorInfo[], axisParam: number): TensorInfo {
  const axis = util.parseAxisParam(axisParam, inputs[0].shape)[0];
  const outShape = backend_util.computeOutShape(
    inputs.map((t) => t.shape),
    axis,
  );
  const out = backend.makeOutput(outShape, 'float32');
  const outer = util.sizeFromShape(outShape.slice(0, axis));
  const outRow = util.sizeFromShape(outShape.slice(axis));
  const dst = backend.typedArrayFromHeap(out) as Float32Array;
  let offset = 0;
  for (const input of inputs) {
    const row = util.sizeFromShape(input.shape.slice(axis));
    if (row === 0) continue;
    // Read after makeOutput: a heap growth would have detached an earlier view.
    const src = backend.typedArrayFromHeap(input) as Float32Array;
    copyRuns(src, 0, row, dst, offset, outRow, outer, row);
    offset += row;
  }
  return out;
}

export function concatConfig(original: KernelFunc): KernelConfig {
  return {
    kernelName: Concat,
    backendName: 'wasm',
    kernelFunc: (args) => {
      const inputs = args.inputs as unknown as TensorInfo[];
      const axis = (args.attrs as { axis: number }).axis;
      const plain = inputs.length > 1 && inputs.every((t) => t.dtype === 'float32');
      return plain ? concatFloat(args.backend as BackendWasm, inputs, axis) : original(args);
    },
  };
}

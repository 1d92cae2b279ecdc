import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelBackend, KernelConfig, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';

/** Backends our plain-array kernels run on: wasm reads and writes its heap in place, cpu its arrays. */
export type ArrayBackend = 'wasm' | 'cpu';

/**
 * What an array kernel does: from its inputs (in `inputNames` order) and attrs, the shapes of
 * its outputs, then the arithmetic over float32 views of inputs and outputs.
 */
export interface ArrayKernel {
  kernelName: string;
  inputNames(inputs: NamedTensorInfoMap, attrs: NamedAttrMap): string[];
  outputShapes(inputs: TensorInfo[], attrs: NamedAttrMap): number[][];
  /** `heap`: on wasm, the memory the views lie in (for kernels with a WebAssembly inner loop). */
  compute(
    inputs: Float32Array[],
    outputs: Float32Array[],
    shapes: number[][],
    attrs: NamedAttrMap,
    heap?: WebAssembly.Memory,
  ): void;
}

/** The memory of tfjs's wasm module, where every tensor of the backend lives. */
export function heapOf(backend: BackendWasm): WebAssembly.Memory | undefined {
  const module = backend.wasm as unknown as { asm?: { memory?: unknown }; wasmExports?: { memory?: unknown } };
  const memory = module.asm?.memory ?? module.wasmExports?.memory;
  return memory instanceof WebAssembly.Memory ? memory : undefined;
}

function input(inputs: NamedTensorInfoMap, name: string, kernelName: string): TensorInfo {
  const info = inputs[name];
  if (!info) throw new Error(`${kernelName}: kernel input "${name}" is missing`);
  if (info.dtype !== 'float32') throw new Error(`${kernelName}: input "${name}" must be float32`);
  return info;
}

function runOnWasm(kernel: ArrayKernel, backend: BackendWasm, ins: TensorInfo[], attrs: NamedAttrMap): TensorInfo[] {
  const shapes = kernel.outputShapes(ins, attrs);
  // Every output is allocated before any view is taken: an allocation may grow the heap,
  // which detaches views made earlier.
  const outs = shapes.map((shape) => backend.makeOutput(shape, 'float32'));
  const inViews = ins.map((info) => backend.typedArrayFromHeap(info) as Float32Array);
  const outViews = outs.map((info) => backend.typedArrayFromHeap(info) as Float32Array);
  const heap = heapOf(backend);
  kernel.compute(
    inViews,
    outViews,
    ins.map((i) => i.shape),
    attrs,
    heap && inViews.every((view) => view.buffer === heap.buffer) ? heap : undefined,
  );
  return outs;
}

function runOnCpu(kernel: ArrayKernel, backend: KernelBackend, ins: TensorInfo[], attrs: NamedAttrMap): TensorInfo[] {
  const shapes = kernel.outputShapes(ins, attrs);
  const inViews = ins.map((info) => backend.readSync(info.dataId) as Float32Array);
  const outViews = shapes.map((shape) => new Float32Array(shape.reduce((a, b) => a * b, 1)));
  kernel.compute(
    inViews,
    outViews,
    ins.map((i) => i.shape),
    attrs,
  );
  return outViews.map((values, i) => ({
    dataId: backend.write(values, shapes[i], 'float32'),
    shape: shapes[i],
    dtype: 'float32',
  }));
}

/** The kernel's registration for one backend; one output is returned bare, several as a list. */
export function arrayKernelConfig(kernel: ArrayKernel, backendName: ArrayBackend): KernelConfig {
  return {
    kernelName: kernel.kernelName,
    backendName,
    kernelFunc: ({ inputs, backend, attrs }) => {
      const a = attrs ?? {};
      const ins = kernel.inputNames(inputs, a).map((name) => input(inputs, name, kernel.kernelName));
      const outs =
        backendName === 'wasm'
          ? runOnWasm(kernel, backend as BackendWasm, ins, a)
          : runOnCpu(kernel, backend as KernelBackend, ins, a);
      return outs.length === 1 ? outs[0] : outs;
    },
  };
}

import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';

/**
 * The kernelFuncs tfjs's wasm backend shipped with, saved before we replace any of them, so a
 * replacement can still delegate to the original (and a second registration is a no-op).
 */
const originals = new Map<string, KernelConfig | null>();

/** Remembers the shipped kernel (null: there was none) the first time we replace it. */
export function saveOriginal(kernelName: string): KernelConfig | null {
  if (!originals.has(kernelName)) originals.set(kernelName, tf.getKernel(kernelName, 'wasm') ?? null);
  return originals.get(kernelName) ?? null;
}

/** Every kernel we replaced, with what tfjs shipped, so it can be put back (tests, benchmarks). */
export function savedOriginals(): ReadonlyMap<string, KernelConfig | null> {
  return originals;
}

/** The kernel tfjs shipped (when we replaced it) or the one currently registered. */
function kernelFuncOf(kernelName: string): KernelFunc {
  const func = originals.get(kernelName)?.kernelFunc ?? tf.getKernel(kernelName, 'wasm')?.kernelFunc;
  if (!func) throw new Error(`wasm backend has no ${kernelName} kernel`);
  return func;
}

/**
 * Runs another wasm kernel directly, below the engine: no tensor is tracked, so the caller
 * owns the result and must free it with `free` unless it is the value it returns.
 */
export function call(
  kernelName: string,
  backend: BackendWasm,
  inputs: NamedTensorInfoMap,
  attrs: NamedAttrMap = {},
): TensorInfo {
  const out = kernelFuncOf(kernelName)({ inputs, backend, attrs });
  if (Array.isArray(out)) throw new Error(`${kernelName} returned several tensors`);
  return out;
}

/** Frees intermediates made by `call` (a Reshape result holds a reference too, so it is freed as well). */
export function free(backend: BackendWasm, ...infos: TensorInfo[]): void {
  for (const info of infos) backend.disposeData(info.dataId);
}

/** A view of the same data with another shape (Reshape on wasm shares the buffer). */
export function reshape(backend: BackendWasm, x: TensorInfo, shape: number[]): TensorInfo {
  return call('Reshape', backend, { x }, { shape });
}

export function transpose(backend: BackendWasm, x: TensorInfo, perm: number[]): TensorInfo {
  return call('Transpose', backend, { x }, { perm });
}

/** Swaps the last two axes: the layout that lets a matmul run without transpose flags. */
export function transposeLast2(backend: BackendWasm, x: TensorInfo): TensorInfo {
  const rank = x.shape.length;
  const perm = [...Array(rank).keys()];
  [perm[rank - 2], perm[rank - 1]] = [perm[rank - 1], perm[rank - 2]];
  return transpose(backend, x, perm);
}

/** A named kernel input that must be there (tfjs types every input as optional). */
export function required(inputs: NamedTensorInfoMap, name: string): TensorInfo {
  const info = inputs[name];
  if (!info) throw new Error(`kernel input "${name}" is missing`);
  return info;
}

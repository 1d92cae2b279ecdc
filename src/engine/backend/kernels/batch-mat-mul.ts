import { BatchMatMul } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BatchMatMulAttrs, KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { free, transposeLast2 } from './wasm-call';

/**
 * tfjs's wasm matmul only reaches XNNPACK's fast GEMM without transpose flags; with either flag
 * it falls back to a scalar loop (~1–2 GFLOP/s against ~25). Every backward pass asks for a
 * transposed operand, so we transpose it explicitly (a cheap O(n) copy) and multiply plainly.
 */
export function untransposed(
  original: KernelFunc,
  inputs: Record<string, TensorInfo | undefined>,
  backend: BackendWasm,
  attrs: NamedAttrMap,
): TensorInfo | TensorInfo[] {
  const { transposeA, transposeB } = attrs as unknown as Pick<BatchMatMulAttrs, 'transposeA' | 'transposeB'>;
  const { a, b } = inputs;
  if ((!transposeA && !transposeB) || !a || !b) {
    return original({
      inputs: inputs as Record<string, TensorInfo>,
      backend,
      attrs,
    });
  }
  const made: TensorInfo[] = [];
  const a2 = transposeA ? transposeLast2(backend, a) : a;
  if (transposeA) made.push(a2);
  const b2 = transposeB ? transposeLast2(backend, b) : b;
  if (transposeB) made.push(b2);
  try {
    return original({
      inputs: { ...(inputs as Record<string, TensorInfo>), a: a2, b: b2 },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    });
  } finally {
    free(backend, ...made);
  }
}

export function batchMatMulConfig(original: KernelFunc): KernelConfig {
  return {
    kernelName: BatchMatMul,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => untransposed(original, inputs, backend as BackendWasm, attrs ?? {}),
  };
}

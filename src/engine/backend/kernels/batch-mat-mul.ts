import { BatchMatMul } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { BatchMatMulAttrs, KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { plainOperands, plainProductSize, type ProductSize, type TransposeFlags } from './mat-mul-operands';
import { sparsePlan, sparseProduct } from './sparse-mat-mul';
import { free, reshape, transpose } from './wasm-call';

type Inputs = Record<string, TensorInfo | undefined>;

/**
 * XNNPACK packs the right-hand operand into its own layout on every call where that tensor is
 * new, which in training is every call (weights change each step, gradients are fresh): for a
 * 784×512 weight the packing costs about as much as the multiplication. When the right operand
 * is much wider than the left is tall (N ≥ 2M, a dense layer's weight against a batch), we
 * multiply the other way round, Cᵀ = Bᵀ·Aᵀ, so the small operand is the one packed, and
 * transpose the [N, M] result back: three cheap copies instead of one slow packing.
 */
const SWAP_MIN_PACKED = 1 << 16;

/** Rank-2 (or batch-1) products whose packing the swap makes cheaper; undefined otherwise. */
function swapPlan(a: TensorInfo, b: TensorInfo, flags: TransposeFlags): ProductSize | undefined {
  const size = plainProductSize(a, b, flags);
  return size && size.n >= 2 * size.m && size.k * size.n >= SWAP_MIN_PACKED ? size : undefined;
}

function swapped(
  original: KernelFunc,
  inputs: Inputs,
  backend: BackendWasm,
  attrs: NamedAttrMap,
  plan: ProductSize,
  flags: TransposeFlags,
): TensorInfo {
  const { m, k, n } = plan;
  const a = reshape(backend, inputs.a!, flags.ta ? [k, m] : [m, k]);
  const b = reshape(backend, inputs.b!, flags.tb ? [n, k] : [k, n]);
  // Bᵀ as a plain [N, K] matrix is B itself when it came transposed, and likewise Aᵀ.
  const bt = flags.tb ? b : transpose(backend, b, [1, 0]);
  const at = flags.ta ? a : transpose(backend, a, [1, 0]);
  const made = [a, b, ...(flags.tb ? [] : [bt]), ...(flags.ta ? [] : [at])];
  try {
    const ct = original({
      inputs: { ...(inputs as Record<string, TensorInfo>), a: bt, b: at },
      backend,
      attrs: { ...attrs, transposeA: false, transposeB: false },
    }) as TensorInfo;
    const ctRows = reshape(backend, ct, [n, m]);
    const c = transpose(backend, ctRows, [1, 0]);
    // The reshape holds a reference to ct's data: freed with it, or every call leaks the product.
    free(backend, ct, ctRows);
    const outShape = [...inputs.a!.shape.slice(0, -2), m, n];
    const out = reshape(backend, c, outShape);
    free(backend, c);
    return out;
  } finally {
    free(backend, ...made);
  }
}

/**
 * tfjs's wasm matmul only reaches XNNPACK's fast GEMM without transpose flags; with either flag
 * it falls back to a scalar loop (~1–2 GFLOP/s against ~25). Every backward pass asks for a
 * transposed operand, so we transpose it explicitly (a cheap O(n) copy) and multiply plainly;
 * where it pays, the product is also turned round so the smaller operand is the packed one.
 * A mostly-zero left operand (a batch of drawings, a ReLU layer's output) is multiplied by its
 * nonzeros alone (sparse-mat-mul.ts). `swappable`: false for the fused kernel (see fused-mat-mul.ts).
 */
export function untransposed(
  original: KernelFunc,
  inputs: Inputs,
  backend: BackendWasm,
  attrs: NamedAttrMap,
  swappable = true,
): TensorInfo | TensorInfo[] {
  const { transposeA, transposeB } = attrs as unknown as Pick<BatchMatMulAttrs, 'transposeA' | 'transposeB'>;
  const { a, b } = inputs;
  if (!a || !b) return original({ inputs: inputs as Record<string, TensorInfo>, backend, attrs });
  const flags = { ta: transposeA, tb: transposeB };
  const sparse = sparsePlan(backend, inputs, attrs, flags);
  if (sparse) return sparseProduct(backend, inputs, attrs, flags, sparse);
  const plan = swappable ? swapPlan(a, b, flags) : undefined;
  if (plan) return swapped(original, inputs, backend, attrs, plan, flags);
  if (!transposeA && !transposeB) return original({ inputs: inputs as Record<string, TensorInfo>, backend, attrs });
  const { a: a2, b: b2, made } = plainOperands(backend, a, b, flags);
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

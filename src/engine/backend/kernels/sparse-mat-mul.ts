import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { heapOf } from './array-kernel';
import { sparseRowsFits, sparseRowsFor, sparseRowsScratch } from './simd-sparse-rows';
import { plainOperands, plainProductSize, type ProductSize, type TransposeFlags } from './mat-mul-operands';
import { call, free } from './wasm-call';

type Inputs = Record<string, TensorInfo | undefined>;

/**
 * The share of zeros in the left operand from which multiplying by its nonzeros alone is the
 * faster product. bench:kernels, 128×784·784×512 on wasm: the sparse product takes ≈ 12 ms × the
 * share of nonzeros (2.5 ms at 80 % zeros, 5.8 ms at 50 %); XNNPACK's dense one 4.7–6.5 ms when B
 * is the same tensor every call (its packed copy reused, as in inference) and 6–10 ms when B is
 * new each call (training, where the weights change every step). From 40 % zeros on, the sparse
 * product is the faster one in training; where B is reused (decoding a batch of codes) the two
 * break even near 55 %, so between 40 and 55 % such a product is up to ≈ 20–30 % slower, which the
 * training gain pays for. A drawing is ≈ 70–80 % background, a ReLU layer's output about half zeros.
 */
export const MIN_ZERO_SHARE = 0.4;
/** Smaller products stay with XNNPACK: the zero count would cost more than it could save. */
const MIN_MULTIPLY_ADDS = 1 << 16;

/** The fused kernel's activations, as the kernels that apply them after the product. */
const ACTIVATIONS: Record<string, (attrs: NamedAttrMap) => [string, NamedAttrMap] | undefined> = {
  linear: () => undefined,
  relu: () => ['Relu', {}],
  relu6: () => ['Relu6', {}],
  elu: () => ['Elu', {}],
  sigmoid: () => ['Sigmoid', {}],
  leakyrelu: (attrs) => ['LeakyRelu', { alpha: attrs.leakyreluAlpha }],
};

export interface SparsePlan extends ProductSize {
  /** The product's leading (size-1) batch axes, as the original kernel would shape them. */
  batchShape: number[];
}

/** True when at least `share` of `values` are zero; stops as soon as that is out of reach. */
export function mostlyZeros(values: Float32Array, share: number): boolean {
  const allowed = Math.floor(values.length * (1 - share));
  let nonzeros = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0 && ++nonzeros > allowed) return false;
  }
  return true;
}

/** The plan when A (after its transpose flag) is mostly zeros and the product fits the kernel. */
export function sparsePlan(
  backend: BackendWasm,
  inputs: Inputs,
  attrs: NamedAttrMap,
  flags: TransposeFlags,
): SparsePlan | undefined {
  const { a, b } = inputs;
  if (!a || !b || a.dtype !== 'float32' || b.dtype !== 'float32') return undefined;
  if (attrs.activation !== undefined && !ACTIVATIONS[attrs.activation as string]) return undefined;
  const size = plainProductSize(a, b, flags);
  if (!size || !sparseRowsFits(size.n) || size.m * size.k * size.n < MIN_MULTIPLY_ADDS) return undefined;
  const heap = heapOf(backend);
  if (!heap || !sparseRowsFor(heap)) return undefined;
  if (!mostlyZeros(backend.typedArrayFromHeap(a) as Float32Array, MIN_ZERO_SHARE)) return undefined;
  const [batchA, batchB] = [a.shape.slice(0, -2), b.shape.slice(0, -2)];
  return { ...size, batchShape: batchA.length >= batchB.length ? batchA : batchB };
}

/**
 * A·B (and for `_FusedMatMul` + bias, then the activation) with the sparse-rows kernel. Both
 * operands are first laid out plainly, [m, k] and [k, n]: the transposes are cheap copies.
 */
export function sparseProduct(
  backend: BackendWasm,
  inputs: Inputs,
  attrs: NamedAttrMap,
  flags: TransposeFlags,
  plan: SparsePlan,
): TensorInfo {
  const { m, k, n, batchShape } = plan;
  const { a, b, made } = plainOperands(backend, inputs.a!, inputs.b!, flags);
  try {
    let out = backend.makeOutput([...batchShape, m, n], 'float32');
    const scratch = backend.makeOutput([sparseRowsScratch(k)], 'float32');
    made.push(scratch);
    // Views only after the allocations: growing the heap detaches views taken before it.
    const view = (info: TensorInfo) => backend.typedArrayFromHeap(info) as Float32Array;
    sparseRowsFor(heapOf(backend)!)!(view(a), view(b), view(out), view(scratch), plan);
    if (inputs.bias) {
      const biased = call('Add', backend, { a: out, b: inputs.bias });
      free(backend, out);
      out = biased;
    }
    const activation = ACTIVATIONS[(attrs.activation as string | undefined) ?? 'linear']?.(attrs);
    if (activation) {
      const activated = call(activation[0], backend, { x: out }, activation[1]);
      free(backend, out);
      out = activated;
    }
    return out;
  } finally {
    free(backend, ...made);
  }
}

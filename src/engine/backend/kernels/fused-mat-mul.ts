import { _FusedMatMul } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';
import { untransposed } from './batch-mat-mul';

/**
 * Dense layers with a fused bias/activation run `_FusedMatMul`; it has the same slow transposed
 * path as BatchMatMul, so it gets the same explicit transpose (bias and activation pass through).
 * It is never turned round: tfjs's fused kernel fails on the swapped operands (out-of-bounds
 * access in the wasm module, even without a bias).
 */
export function fusedMatMulConfig(original: KernelFunc): KernelConfig {
  return {
    kernelName: _FusedMatMul,
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) =>
      untransposed(original, inputs, backend as BackendWasm, attrs ?? {}, false),
  };
}

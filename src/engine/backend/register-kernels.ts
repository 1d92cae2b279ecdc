import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc } from '@tensorflow/tfjs';
import { adamKernel } from './kernels/adam';
import { arrayKernelConfig } from './kernels/array-kernel';
import { bceSumGradKernel, bceSumKernel, registerBceGradient } from './kernels/bce';
import { batchMatMulConfig } from './kernels/batch-mat-mul';
import { concatConfig } from './kernels/concat';
import { conv2dBackpropFilterConfig } from './kernels/conv2d-backprop-filter';
import { conv2dBackpropInputConfig } from './kernels/conv2d-backprop-input';
import { fusedMatMulConfig } from './kernels/fused-mat-mul';
import { identityConfig } from './kernels/identity';
import { registerSampleKlGradient, sampleKlGradKernel, sampleKlKernel } from './kernels/reparam-kl';
import { maxPoolGradConfig } from './kernels/max-pool-grad';
import { cpuResizeNearestGradConfig } from './kernels/resize-nearest-grad';
import { splitVConfig } from './kernels/split-v';
import { sumConfig } from './kernels/sum';
import { saveOriginal, savedOriginals } from './kernels/wasm-call';

const missing =
  (kernelName: string): KernelFunc =>
  () => {
    throw new Error(`wasm backend has no ${kernelName} kernel to delegate to`);
  };

/** Replaces (or adds) one wasm kernel; the shipped one is kept so ours can delegate to it. */
function install(kernelName: string, make: (original: KernelFunc) => KernelConfig): void {
  const original = saveOriginal(kernelName);
  if (tf.getKernel(kernelName, 'wasm')) tf.unregisterKernel(kernelName, 'wasm');
  const config = make(original?.kernelFunc ?? missing(kernelName));
  // The shipped setupFunc binds the C function its kernelFunc calls; keep it for a backend
  // that initialises after this registration.
  tf.registerKernel({
    ...config,
    setupFunc: original?.setupFunc,
    disposeFunc: original?.disposeFunc,
  });
}

/** The project's fused training ops, on wasm and on cpu (other backends take the tfjs ops). */
const FUSED_KERNELS = [adamKernel, bceSumKernel, bceSumGradKernel, sampleKlKernel, sampleKlGradKernel];

let installed = false;

/**
 * Call once, right after the wasm backend is chosen (after `tf.setBackend('wasm')` resolved):
 * makes transposed matmuls take the fast path, adds the conv gradients wasm lacks, and
 * replaces the slow Conv2DBackpropInput, Concat, SplitV, MaxPoolGrad, (bias-gradient) Sum and
 * the copying Identity,
 * and adds the fused training ops (Adam update, sigmoid BCE, reparameterisation and KL).
 * Calling it again does nothing; other backends are untouched (only 'wasm' kernels change).
 */
export function registerWasmKernels(): void {
  if (installed) return;
  installed = true;
  install('BatchMatMul', batchMatMulConfig);
  install('_FusedMatMul', fusedMatMulConfig);
  install('Conv2DBackpropFilter', () => conv2dBackpropFilterConfig);
  install('Conv2DBackpropInput', () => conv2dBackpropInputConfig());
  install('Concat', concatConfig);
  install('SplitV', splitVConfig);
  install('MaxPoolGrad', maxPoolGradConfig);
  install('Sum', sumConfig);
  install('Identity', identityConfig);
  for (const kernel of FUSED_KERNELS) install(kernel.kernelName, () => arrayKernelConfig(kernel, 'wasm'));
  registerBceGradient();
  registerSampleKlGradient();
}

/** Puts back what tfjs shipped: lets tests and benchmarks compare both in one process. */
export function unregisterWasmKernels(): void {
  if (!installed) return;
  installed = false;
  for (const [kernelName, original] of savedOriginals()) {
    if (tf.getKernel(kernelName, 'wasm')) tf.unregisterKernel(kernelName, 'wasm');
    if (original) tf.registerKernel(original);
  }
}

let cpuFixed = false;

/**
 * Call once at engine start whatever backend is chosen (cheap, idempotent): replaces the cpu
 * backend's ResizeNearestNeighborGrad, which is wrong for batch > 1 in tfjs 4.22 and so
 * mistrains every model with UpSampling2D (the Cookbook autoencoder) on cpu. Also adds the
 * fused training ops on cpu, so both backends train through the same ops.
 */
export function registerCpuKernelFixes(): void {
  if (cpuFixed) return;
  cpuFixed = true;
  if (tf.getKernel('ResizeNearestNeighborGrad', 'cpu')) tf.unregisterKernel('ResizeNearestNeighborGrad', 'cpu');
  tf.registerKernel(cpuResizeNearestGradConfig);
  for (const kernel of FUSED_KERNELS) {
    if (!tf.getKernel(kernel.kernelName, 'cpu')) tf.registerKernel(arrayKernelConfig(kernel, 'cpu'));
  }
  registerBceGradient();
  registerSampleKlGradient();
}

import * as tf from '@tensorflow/tfjs';
import { BCE_EPSILON, bceSum } from '../../models/gaussian';
import type { ArrayKernel } from './array-kernel';
import { simdBceFits, simdBceFor, simdBceGradFor } from './simd-bce';

/**
 * Binary cross-entropy of sigmoid outputs with Keras' clipping, summed over each row:
 * −Σⱼ [t log p̃ + (1−t) log(1−p̃)], p̃ = clip(p, ε, 1−ε). tfjs runs it as 9 ops forward and about
 * 15 backward over the whole [N, pixels] batch; these two kernels read it once each way.
 */
export const BCE_SUM = 'LatentDrawBceSum';
export const BCE_SUM_GRAD = 'LatentDrawBceSumGrad';

// The bounds as float32, the values tfjs's clipByValue compares against.
const LOW = Math.fround(BCE_EPSILON);
const HIGH = Math.fround(1 - BCE_EPSILON);

function rowsOf(shape: number[]): [number, number] {
  return [shape[0], shape.slice(1).reduce((a, b) => a * b, 1)];
}

/** inputs target, probs [N, P] → [N]. */
export const bceSumKernel: ArrayKernel = {
  kernelName: BCE_SUM,
  inputNames: () => ['target', 'probs'],
  outputShapes: ([target]) => [[target.shape[0]]],
  compute([t, p], [out], [shape], _attrs, heap) {
    const [rows, cols] = rowsOf(shape);
    // On the wasm heap the logs run four at a time in WebAssembly; elsewhere (cpu) in the loop below.
    const simd = heap && simdBceFits(cols) ? simdBceFor(heap) : undefined;
    if (simd) return simd(t, p, out, { rows, cols }, { low: LOW, high: HIGH });
    for (let r = 0, i = 0; r < rows; r++) {
      let sum = 0;
      for (let j = 0; j < cols; j++, i++) {
        const q = Math.min(HIGH, Math.max(LOW, p[i]));
        const ti = t[i];
        // Sketch pixels are mostly exactly 0 or 1: one log instead of two, the same value.
        if (ti === 0) sum += Math.log(1 - q);
        else if (ti === 1) sum += Math.log(q);
        else sum += ti * Math.log(q) + (1 - ti) * Math.log(1 - q);
      }
      out[r] = -sum;
    }
  },
};

/**
 * inputs target, probs [N, P], dy [N] → d/dprobs [N, P]: dyᵣ·((1−t)/(1−p) − t/p) where p lies
 * within the clip bounds (bounds included, as tfjs's ClipByValue gradient), 0 outside.
 */
export const bceSumGradKernel: ArrayKernel = {
  kernelName: BCE_SUM_GRAD,
  inputNames: () => ['target', 'probs', 'dy'],
  outputShapes: ([target]) => [target.shape],
  compute([t, p, dy], [out], [shape], _attrs, heap) {
    const [rows, cols] = rowsOf(shape);
    const simd = heap && simdBceFits(cols) ? simdBceGradFor(heap) : undefined;
    if (simd) return simd({ t, p, dy, out }, { rows, cols }, { low: LOW, high: HIGH });
    for (let r = 0, i = 0; r < rows; r++) {
      const d = dy[r];
      for (let j = 0; j < cols; j++, i++) {
        const q = p[i];
        const ti = t[i];
        if (q < LOW || q > HIGH) out[i] = 0;
        else if (ti === 0) out[i] = d / (1 - q);
        else if (ti === 1) out[i] = -d / q;
        else out[i] = d * ((1 - ti) / (1 - q) - ti / q);
      }
    }
  },
};

/** The gradient of BCE_SUM; the target's (never needed in training) is the composite one. */
const bceSumGradient: Parameters<typeof tf.registerGradient>[0] = {
  kernelName: BCE_SUM,
  inputsToSave: ['target', 'probs'],
  gradFunc: (dy, saved) => {
    const [target, probs] = saved;
    const dyRows = dy as tf.Tensor;
    return {
      probs: () => tf.engine().runKernel(BCE_SUM_GRAD, { target, probs, dy: dyRows }) as tf.Tensor,
      target: () =>
        tf.tidy(() => {
          const q = tf.clipByValue(probs, BCE_EPSILON, 1 - BCE_EPSILON);
          return tf.mul(tf.reshape(dyRows, [-1, 1]), tf.sub(tf.log(tf.sub(1, q)), tf.log(q)));
        }),
    };
  },
};

export function registerBceGradient(): void {
  if (!tf.getGradient(BCE_SUM)) tf.registerGradient(bceSumGradient);
}

/** BCE summed over pixels, [N]: the fused kernel where this backend has it, tfjs's ops elsewhere. */
export function fusedBceSum(target: tf.Tensor2D, probs: tf.Tensor2D): tf.Tensor1D {
  if (!tf.getKernel(BCE_SUM, tf.getBackend()) || target.dtype !== 'float32') return bceSum(target, probs);
  return tf.engine().runKernel(BCE_SUM, { target, probs }) as tf.Tensor1D;
}

import type { NamedAttrMap } from '@tensorflow/tfjs';
import type { ArrayKernel } from './array-kernel';
import { simdAdamFor, type AdamScalars } from './simd-adam';

/** One Adam step over every variable in a single kernel call (tfjs runs ~12 ops per variable). */
export const FUSED_ADAM = 'LatentDrawAdam';

export interface AdamStepAttrs {
  /** How many variables: inputs are w0, g0, m0, v0, w1, … */
  count: number;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** β₁ᵗ and β₂ᵗ of this step (t counted from 1), for the bias correction. */
  beta1Power: number;
  beta2Power: number;
}

function attrsOf(attrs: NamedAttrMap): AdamStepAttrs {
  return attrs as unknown as AdamStepAttrs;
}

/**
 * Outputs w', m', v' per variable, in that order. The same arithmetic as tfjs's AdamOptimizer:
 * m' = β₁m + (1−β₁)g, v' = β₂v + (1−β₂)g², w' = w − lr · m̂ / (√v̂ + ε) with m̂ = m'/(1−β₁ᵗ),
 * v̂ = v'/(1−β₂ᵗ).
 */
export const adamKernel: ArrayKernel = {
  kernelName: FUSED_ADAM,
  inputNames: (_inputs, attrs) =>
    Array.from({ length: attrsOf(attrs).count }, (_, i) => [`w${i}`, `g${i}`, `m${i}`, `v${i}`]).flat(),
  outputShapes: (inputs) => inputs.filter((_, i) => i % 4 !== 1).map((info) => info.shape),
  compute(ins, outs, _shapes, attrs, heap) {
    const { count, learningRate, beta1, beta2, epsilon, beta1Power, beta2Power } = attrsOf(attrs);
    const c1 = 1 - beta1Power;
    const c2 = 1 - beta2Power;
    const g1 = 1 - beta1;
    const g2 = 1 - beta2;
    // lr·m̂/(√v̂+ε) = (lr/c₁)·m' / (√v'·(1/√c₂) + ε): two multiplications instead of two divisions.
    const step = learningRate / c1;
    const root = 1 / Math.sqrt(c2);
    const scalars: AdamScalars = { beta1, beta2, g1, g2, step, root, epsilon };
    const simd = heap ? simdAdamFor(heap) : undefined;
    for (let k = 0; k < count; k++) {
      const arrays = [...ins.slice(4 * k, 4 * k + 4), ...outs.slice(3 * k, 3 * k + 3)];
      // On the wasm heap, four at a time in WebAssembly; the last 0–3 values (or all, elsewhere) here.
      const done = simd ? arrays[0].length & ~3 : 0;
      if (done > 0) simd!(arrays, done, scalars);
      if (done < arrays[0].length)
        adamLoop(
          arrays.map((a) => a.subarray(done)),
          scalars,
        );
    }
  },
};

/** The element loop on its own, so V8 optimises it once for Float32Arrays. */
function adamLoop(arrays: readonly Float32Array[], scalars: AdamScalars): void {
  const [w, g, m, v, w2, m2, v2] = arrays;
  const { beta1, beta2, g1, g2, step, root, epsilon } = scalars;
  const n = w.length;
  for (let i = 0; i < n; i++) {
    const gi = g[i];
    const mi = beta1 * m[i] + g1 * gi;
    const vi = beta2 * v[i] + g2 * gi * gi;
    m2[i] = mi;
    v2[i] = vi;
    w2[i] = w[i] - (step * mi) / (Math.sqrt(vi) * root + epsilon);
  }
}

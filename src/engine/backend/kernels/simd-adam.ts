/**
 * The Adam update as a 128-bit SIMD WebAssembly function that works in place on tfjs's wasm
 * heap: it imports the backend's own memory, so weights, gradients and slots are read and
 * written where tfjs keeps them, four at a time, with no copy. A JavaScript loop over the MLP
 * VAE's 805K parameters takes ≈8 ms a step; this takes a fraction of that.
 *
 * The module is small enough to write out by hand (there is no wasm toolchain in the build):
 * `adam(w, g, m, v, w2, m2, v2, bytes, β₁, β₂, 1−β₁, 1−β₂, lr/c₁, 1/√c₂, ε)`, byte offsets
 * first, `bytes` a multiple of 16; the caller finishes the last 0–3 values in JavaScript.
 */

import { F32, heapFunction, I32, op, V128, type OneFunction } from './wasm-asm';

// Parameters 0–14, then the locals: the byte offset, the seven scalars splatted, g, m', v'.
const [W, G, M, V, W2, M2, V2, BYTES] = [0, 1, 2, 3, 4, 5, 6, 7];
const FIRST_SCALAR = 8;
const AT = 15;
const [B1, B2, G1, G2, STEP, ROOT, EPS] = [16, 17, 18, 19, 20, 21, 22];
const [GI, MI, VI] = [23, 24, 25];

/** A v128 loaded from parameter `base` plus the running offset. */
const loadAt = (base: number) => [...op.get(base), ...op.get(AT), ...op.i32Add, ...op.load()];
const addressAt = (base: number) => [...op.get(base), ...op.get(AT), ...op.i32Add];

/** The function's code, one statement a line. */
function statements(): number[][] {
  const { get, set, mul, add } = op;
  return [
    ...Array.from({ length: 7 }, (_, i) => [...get(FIRST_SCALAR + i), ...op.splat, ...set(B1 + i)]),
    [...op.block, ...op.loop],
    [...op.until(AT, BYTES)], // all done: leave the block
    [...loadAt(G), ...set(GI)],
    // m' = β₁m + (1−β₁)g
    [...get(B1), ...loadAt(M), ...mul, ...get(G1), ...get(GI), ...mul, ...add, ...set(MI)],
    // v' = β₂v + (1−β₂)g·g
    [...get(B2), ...loadAt(V), ...mul, ...get(G2), ...get(GI), ...mul, ...get(GI), ...mul, ...add, ...set(VI)],
    [...addressAt(M2), ...get(MI), ...op.store()],
    [...addressAt(V2), ...get(VI), ...op.store()],
    // w' = w − (lr/c₁)·m' / (√v'·(1/√c₂) + ε)
    [...addressAt(W2), ...loadAt(W), ...get(STEP), ...get(MI), ...mul],
    [...get(VI), ...op.sqrt, ...get(ROOT), ...mul, ...get(EPS), ...add, ...op.div, ...op.sub, ...op.store()],
    op.advance(AT, op.i32Const(16)),
    [...op.br(0), ...op.end, ...op.end], // back to the loop's start; end loop, block
  ];
}

/** The update's scalars: β₁, β₂, 1−β₁, 1−β₂, lr/c₁, 1/√c₂ and ε. */
export interface AdamScalars {
  beta1: number;
  beta2: number;
  g1: number;
  g2: number;
  step: number;
  root: number;
  epsilon: number;
}

/** Updates the first `count` values (a multiple of 4) of w, g, m, v → w', m', v', all on the heap. */
export type SimdAdam = (arrays: readonly Float32Array[], count: number, scalars: AdamScalars) => void;

const ADAM: OneFunction = {
  name: 'adam',
  params: [...Array<number>(8).fill(I32), ...Array<number>(7).fill(F32)],
  // After the parameters: one i32 (the offset), ten v128.
  locals: [
    [1, I32],
    [10, V128],
  ],
  statements: statements(),
};

/** The modules this file builds, by what each one is, for its listing (the .wat beside it). */
export const SIMD_FUNCTIONS: Readonly<Record<string, OneFunction>> = { 'the Adam update, in place': ADAM };

/** The SIMD Adam bound to `memory`; undefined where this WebAssembly has no SIMD. */
export const simdAdamFor = heapFunction<SimdAdam>(
  ADAM,
  (raw) => (arrays, count, s) =>
    raw(...arrays.map((a) => a.byteOffset), count * 4, s.beta1, s.beta2, s.g1, s.g2, s.step, s.root, s.epsilon),
);

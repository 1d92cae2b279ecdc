/**
 * The clipped binary cross-entropy's forward sums as 128-bit SIMD WebAssembly on tfjs's heap:
 * −Σⱼ [t log p̃ + (1−t) log(1−p̃)] per row, p̃ = clip(p, low, high), four pixels at a time. Its cost
 * is the logarithms: JavaScript's Math.log takes ≈ 20 ns, so two per pixel of a 128-drawing
 * batch were ≈ 3 ms a step. WebAssembly has no log instruction; this one is Cephes' logf
 * (frexp, then a degree-8 polynomial on the mantissa, ≈ 1 ulp), written out for four lanes.
 *
 * `bce(t, p, out, rows, rowBytes, low, high)`: byte offsets of the [rows, cols] target and
 * probabilities and of the [rows] output; `rowBytes` = 4·cols, a multiple of 16.
 * `bceGrad(t, p, dy, out, rows, rowBytes, low, high)`: its gradient for the probabilities,
 * dyᵣ·((1−t)/(1−p) − t/p) within the bounds and 0 outside, into the [rows, cols] output.
 */
import { F32, heapFunction, I32, op, V128, type OneFunction } from './wasm-asm';

const [T, P, OUT, ROWS, ROW_BYTES, LOW, HIGH] = [0, 1, 2, 3, 4, 5, 6];
/** The running pointers into t and p, the row's end in p, the row count. */
const [TP, PP, PEND, R] = [7, 8, 9, 10];
/** v128: the bounds splatted, the row's four partial sums, and the values of one step. */
const [LOWV, HIGHV, ACC, TV, Q, LQ, L1Q, X, M, E, F, Z] = [11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22];

const SQRT_HALF = Math.SQRT1_2;
/** Cephes logf's polynomial for log(1+f)/f³ − …, highest power first. */
const LOG_POLY = [
  7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1,
];
/** ln 2 split in two, so e·ln 2 adds exactly: 0.693359375 − 2.12194440e−4. */
const [LN2_HIGH, LN2_LOW] = [0.693359375, -2.1219444e-4];

/** log of the four lanes of local X, left on the stack; uses M, E, F, Z. */
function logOfX(): number[] {
  const { get, set, mul, add, sub } = op;
  return [
    // x = m·2ᵉ with m in [½, 1): the exponent bits less 126, the mantissa bits with ½'s exponent.
    [...get(X), ...op.i32Const(23), ...op.i32x4ShrS, ...op.i32x4(126), ...op.i32x4Sub, ...set(E)],
    [...get(X), ...op.i32x4(0x007fffff), ...op.and, ...op.i32x4(0x3f000000), ...op.or, ...set(M)],
    // Below √½: one power of two fewer and f = 2m − 1; otherwise f = m − 1 (mask lanes: −1 or 0).
    [...get(M), ...op.f32x4(SQRT_HALF), ...op.lt, ...set(Z), ...get(E), ...get(Z), ...op.i32x4Add, ...set(E)],
    [...get(M), ...get(M), ...get(Z), ...op.and, ...add, ...op.f32x4(1), ...sub, ...set(F)],
    [...get(F), ...get(F), ...mul, ...set(Z), ...get(E), ...op.convertI32, ...set(E)],
    // y = f·z·poly(f) + e·ln2_low − z/2;  log = f + y + e·ln2_high
    [...op.f32x4(LOG_POLY[0]), ...LOG_POLY.slice(1).flatMap((c) => [...get(F), ...mul, ...op.f32x4(c), ...add])],
    [...get(F), ...mul, ...get(Z), ...mul, ...get(E), ...op.f32x4(LN2_LOW), ...mul, ...add],
    [...get(Z), ...op.f32x4(0.5), ...mul, ...sub, ...get(F), ...add, ...get(E), ...op.f32x4(LN2_HIGH), ...mul, ...add],
  ].flat();
}

/** −(the four lanes of ACC summed), stored at OUT. */
const storeNegatedSum = [
  [...op.get(OUT), ...op.get(ACC), ...op.extractLane(0), ...op.get(ACC), ...op.extractLane(1), ...op.f32Add],
  [...op.get(ACC), ...op.extractLane(2), ...op.get(ACC), ...op.extractLane(3), ...op.f32Add, ...op.f32Add],
  [...op.f32Neg, ...op.f32Store(0)],
];

function statements(): number[][] {
  const { get, set, mul, add, sub } = op;
  return [
    [...get(LOW), ...op.splat, ...set(LOWV), ...get(HIGH), ...op.splat, ...set(HIGHV)],
    [...get(T), ...set(TP), ...get(P), ...set(PP)],
    [...op.block, ...op.loop], // over the rows
    [...op.until(R, ROWS)],
    [...get(PP), ...get(ROW_BYTES), ...op.i32Add, ...set(PEND), ...op.f32x4(0), ...set(ACC)],
    [...op.block, ...op.loop], // four pixels at a time
    [...op.until(PP, PEND)],
    [...get(TP), ...op.load(0), ...set(TV)],
    [...get(HIGHV), ...get(LOWV), ...get(PP), ...op.load(0), ...op.max, ...op.min, ...set(Q)],
    [...get(Q), ...set(X), ...logOfX(), ...set(LQ)],
    [...op.f32x4(1), ...get(Q), ...sub, ...set(X), ...logOfX(), ...set(L1Q)],
    // t·log p̃ + (1−t)·log(1−p̃): exactly one of the logs where t is 0 or 1, as the loop in bce.ts
    [...get(ACC), ...get(TV), ...get(LQ), ...mul, ...op.f32x4(1), ...get(TV), ...sub, ...get(L1Q), ...mul],
    [...add, ...add, ...set(ACC)],
    [...op.advance(TP, op.i32Const(16)), ...op.advance(PP, op.i32Const(16)), ...op.br(0), ...op.end, ...op.end],
    ...storeNegatedSum,
    [...op.advance(OUT, op.i32Const(4)), ...op.advance(R, op.i32Const(1)), ...op.br(0), ...op.end, ...op.end],
  ];
}

const BCE: OneFunction = {
  name: 'bce',
  params: [...Array<number>(5).fill(I32), F32, F32],
  locals: [
    [4, I32],
    [12, V128],
  ],
  statements: statements(),
};

// The gradient's locals after its eight parameters: pointers and row count, then v128 values.
const [GT, GP, GDY, GOUT, GROWS, GROW_BYTES, GLOW, GHIGH] = [0, 1, 2, 3, 4, 5, 6, 7];
const [GPEND, GR] = [8, 9];
const [GLOWV, GHIGHV, GD, GQ, GTV] = [10, 11, 12, 13, 14];

function gradStatements(): number[][] {
  const { get, set, mul, sub } = op;
  return [
    [...get(GLOW), ...op.splat, ...set(GLOWV), ...get(GHIGH), ...op.splat, ...set(GHIGHV)],
    [...op.block, ...op.loop], // over the rows
    [...op.until(GR, GROWS)],
    [...get(GP), ...get(GROW_BYTES), ...op.i32Add, ...set(GPEND), ...get(GDY), ...op.f32Load, ...op.splat, ...set(GD)],
    [...op.block, ...op.loop], // four pixels at a time
    [...op.until(GP, GPEND)],
    [...get(GP), ...op.load(0), ...set(GQ), ...get(GT), ...op.load(0), ...set(GTV), ...get(GOUT)],
    // dy·((1−t)/(1−p) − t/p)
    [...get(GD), ...op.f32x4(1), ...get(GTV), ...sub, ...op.f32x4(1), ...get(GQ), ...sub, ...op.div],
    [...get(GTV), ...get(GQ), ...op.div, ...sub, ...mul],
    // … and 0 where p lies outside the bounds (a NaN stays NaN, as in the loop in bce.ts)
    [...get(GQ), ...get(GLOWV), ...op.lt, ...get(GQ), ...get(GHIGHV), ...op.gt, ...op.or, ...op.andNot],
    [...op.store(0), ...op.advance(GT, op.i32Const(16)), ...op.advance(GP, op.i32Const(16))],
    [...op.advance(GOUT, op.i32Const(16)), ...op.br(0), ...op.end, ...op.end],
    [...op.advance(GDY, op.i32Const(4)), ...op.advance(GR, op.i32Const(1)), ...op.br(0), ...op.end, ...op.end],
  ];
}

const BCE_GRAD: OneFunction = {
  name: 'bceGrad',
  params: [...Array<number>(6).fill(I32), F32, F32],
  locals: [
    [2, I32],
    [5, V128],
  ],
  statements: gradStatements(),
};

/** The modules this file builds, by what each one is, for its listing (the .wat beside it). */
export const SIMD_FUNCTIONS: Readonly<Record<string, OneFunction>> = {
  'the clipped BCE of each row': BCE,
  'its gradient for the probabilities': BCE_GRAD,
};

/** Whether the kernel takes rows of `cols` pixels. */
export const simdBceFits = (cols: number) => cols % 4 === 0;

/** out[r] = the clipped BCE of row r, for [rows, cols] views on the heap the function is bound to. */
export type SimdBce = (
  t: Float32Array,
  p: Float32Array,
  out: Float32Array,
  shape: { rows: number; cols: number },
  bounds: { low: number; high: number },
) => void;

/** The kernel bound to `memory`; undefined where this WebAssembly has no SIMD. */
export const simdBceFor = heapFunction<SimdBce>(
  BCE,
  (raw) =>
    (t, p, out, { rows, cols }, { low, high }) =>
      raw(t.byteOffset, p.byteOffset, out.byteOffset, rows, cols * 4, low, high),
);

/** The gradient, for [rows, cols] views of t, p, the output and the [rows] dy. */
export type SimdBceGrad = (
  views: { t: Float32Array; p: Float32Array; dy: Float32Array; out: Float32Array },
  shape: { rows: number; cols: number },
  bounds: { low: number; high: number },
) => void;

export const simdBceGradFor = heapFunction<SimdBceGrad>(
  BCE_GRAD,
  (raw) =>
    ({ t, p, dy, out }, { rows, cols }, { low, high }) =>
      raw(t.byteOffset, p.byteOffset, dy.byteOffset, out.byteOffset, rows, cols * 4, low, high),
);

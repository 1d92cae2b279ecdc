/**
 * C = A·B for a left operand that is mostly zeros, as 128-bit SIMD WebAssembly on tfjs's heap:
 * each row of C is the sum, over that row's nonzero entries a[i][p], of a[i][p]·B[p][:], so the
 * work is proportional to the nonzeros. Drawings are mostly background (an MNIST digit is ≈ 80 %
 * zeros, a Quick, Draw! cat ≈ 67 %), and a model's first layer multiplies them as they are,
 * forward (x·W) and backward (xᵀ·∂h); a ReLU layer's output is about half zeros.
 *
 * Per row of A, the nonzeros are first listed (each value splatted to four lanes, with the
 * address of its row of B), then C's row is made 16 columns at a time in four registers that
 * run down the list: C is written once, never read back.
 *
 * `rows(a, b, c, m, kBytes, nBytes, list)`: byte offsets of row-major A [m, k], B [k, n], C [m, n]
 * and of a scratch list of k × 32 bytes; `nBytes` a multiple of 64 (n a multiple of 16).
 */
import { F32, heapFunction, I32, op, V128, type OneFunction } from './wasm-asm';

// Parameters, then locals.
const [A, B, C, M, KB, NB, LIST] = [0, 1, 2, 3, 4, 5, 6];
/** A's running pointer and row end, the row count, B's row for the entry, C's row start. */
const [AP, AEND, I, BROW, CROW] = [7, 8, 9, 10, 11];
/** The list's running pointer and end, the column block's byte offset, the B address in it. */
const [LP, LEND, COL, BP] = [12, 13, 14, 15];
const AVAL = 16;
/** The entry's value splatted, zero, and the four accumulators of a 16-column block. */
const [S, ZERO] = [17, 18];
const ACC = [19, 20, 21, 22];

/** One list entry: the splatted value (16 bytes), then B's row address; padded to 32. */
const ENTRY_BYTES = 32;
const BLOCK_BYTES = 64;
const OFFSETS = [0, 16, 32, 48];

/** acc += (the entry's value)·b[p][j..j+4], B's four lanes at BP + offset. */
const accumulate = (acc: number, offset: number) => [
  ...[...op.get(acc), ...op.get(S), ...op.get(BP), ...op.load(offset)],
  ...[...op.mul, ...op.add, ...op.set(acc)],
];

function statements(): number[][] {
  const { get, set } = op;
  return [
    [...get(A), ...set(AP), ...get(C), ...set(CROW)],
    [...op.block, ...op.loop], // over the rows of A and C
    [...op.until(I, M)],
    // List the row's nonzeros.
    [...get(AP), ...get(KB), ...op.i32Add, ...set(AEND), ...get(B), ...set(BROW), ...get(LIST), ...set(LP)],
    [...op.block, ...op.loop],
    [...op.until(AP, AEND)],
    [...get(AP), ...op.f32Load, ...op.tee(AVAL), ...op.f32Zero, ...op.f32Ne, ...op.if],
    [...get(LP), ...get(AVAL), ...op.splat, ...op.store(0)],
    [...get(LP), ...get(BROW), ...op.i32Store(16)],
    [...op.advance(LP, op.i32Const(ENTRY_BYTES)), ...op.end],
    [...op.advance(AP, op.i32Const(4)), ...op.advance(BROW, get(NB)), ...op.br(0), ...op.end, ...op.end],
    [...get(LP), ...set(LEND), ...op.i32Const(0), ...set(COL)],
    // C's row, 16 columns at a time: the sum down the list, in registers.
    [...op.block, ...op.loop],
    [...op.until(COL, NB)],
    [...ACC.flatMap((acc) => [...get(ZERO), ...set(acc)]), ...get(LIST), ...set(LP)],
    [...op.block, ...op.loop],
    [...op.until(LP, LEND)],
    [...get(LP), ...op.load(0), ...set(S), ...get(LP), ...op.i32Load(16), ...get(COL), ...op.i32Add, ...set(BP)],
    // acc += a·b[p][j..j+16], four lanes in each accumulator
    ...OFFSETS.map((o, q) => accumulate(ACC[q], o)),
    [...op.advance(LP, op.i32Const(ENTRY_BYTES)), ...op.br(0), ...op.end, ...op.end],
    [...get(CROW), ...get(COL), ...op.i32Add, ...set(BP)],
    ...OFFSETS.map((o, q) => [...get(BP), ...get(ACC[q]), ...op.store(o)]),
    [...op.advance(COL, op.i32Const(BLOCK_BYTES)), ...op.br(0), ...op.end, ...op.end],
    [...op.advance(I, op.i32Const(1)), ...op.advance(CROW, get(NB)), ...op.br(0), ...op.end, ...op.end],
  ];
}

const ROWS: OneFunction = {
  name: 'rows',
  params: Array<number>(7).fill(I32),
  locals: [
    [9, I32],
    [1, F32],
    [6, V128],
  ],
  statements: statements(),
};

/** The modules this file builds, by what each one is, for its listing (the .wat beside it). */
export const SIMD_FUNCTIONS: Readonly<Record<string, OneFunction>> = { 'C = A·B over the nonzeros of A': ROWS };

/** Whether the kernel can take a product with `n` columns. */
export const sparseRowsFits = (n: number) => n % 16 === 0;

/** Floats of scratch the kernel needs for a product with `k` inner entries. */
export const sparseRowsScratch = (k: number) => (k * ENTRY_BYTES) / 4;

/** C [m, n] = A [m, k] · B [k, n], all views on the heap the function is bound to. */
export type SparseRows = (
  a: Float32Array,
  b: Float32Array,
  c: Float32Array,
  scratch: Float32Array,
  shape: { m: number; k: number; n: number },
) => void;

/** The kernel bound to `memory`; undefined where this WebAssembly has no SIMD. */
export const sparseRowsFor = heapFunction<SparseRows>(
  ROWS,
  (raw) =>
    (a, b, c, scratch, { m, k, n }) =>
      raw(a.byteOffset, b.byteOffset, c.byteOffset, m, k * 4, n * 4, scratch.byteOffset),
);

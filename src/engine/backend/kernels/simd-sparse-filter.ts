/**
 * A convolution's filter gradient over the input's nonzeros, as 128-bit SIMD WebAssembly on
 * tfjs's heap: dW[i,j,c,:] += x[b,r,s,c] · dy[b,y,x,:] for every nonzero input value and every
 * filter tap (i, j) that read it (r = y·sh + i, s = x·sw + j). The taps of each input pixel are
 * the same for every image and channel, so they come as a table: per pixel of the padded input,
 * a run of (slab, dy offset) pairs, the byte offset of dW[i,j] and of dy[y,x] within an image.
 *
 * `filter(x, dy, out, table, index, images, pixels, ci, coBytes, dyImageBytes)`: byte offsets of
 * the padded input [B, Hp, Wp, ci], dy [B, oh, ow, co], the zeroed output [kh, kw, ci, co], the
 * (slab, dy offset) i32 pairs and the per-pixel i32 start of each run (pixels + 1 of them, in
 * bytes from the table's start); `coBytes` = 4·co (a multiple of 64 or 16 for the variants that
 * do 16 or 4 channels a step).
 */
import { F32, heapFunction, I32, op, V128, type OneFunction } from './wasm-asm';

const [X, DY, OUT, TABLE, INDEX, IMAGES, PIXELS, CI, CO_BYTES, DY_IMAGE_BYTES] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
/** x's running pointer, this image's dy, the image, pixel and channel counts, the index's pointer. */
const [XP, DYB, B, PIX, C, IP] = [10, 11, 12, 13, 14, 15];
/** The pixel's run of taps, the running tap, the channel's offset in a slab, dW's and dy's pointers. */
const [RUN, RUN_END, T, COFF, DST, DST_END, SRC] = [16, 17, 18, 19, 20, 21, 22];
const V = 23;
const S = 24;

/** dst[o..o+4] += s·src[o..o+4] */
const axpy = (offset: number) => [
  ...[...op.get(DST), ...op.get(DST), ...op.load(offset), ...op.get(S), ...op.get(SRC), ...op.load(offset)],
  ...[...op.mul, ...op.add, ...op.store(offset)],
];

/** dst[0] += v·src[0], one channel. */
const scalarAxpy = [
  ...[...op.get(DST), ...op.get(DST), ...op.f32Load, ...op.get(V), ...op.get(SRC), ...op.f32Load],
  ...[...op.f32Mul, ...op.f32Add, ...op.f32Store(0)],
];

/**
 * `vectors`: how many four-channel groups one step of the innermost loop does (4 where co is a
 * multiple of 16, 1 for other multiples of 4); 0: one channel a step, without SIMD, for any co.
 */
function statements(vectors: number): number[][] {
  const offsets = Array.from({ length: vectors }, (_, v) => 16 * v);
  const stepBytes = vectors ? 16 * vectors : 4;
  const { get, set } = op;
  return [
    [...get(X), ...set(XP), ...get(DY), ...set(DYB)],
    [...op.block, ...op.loop, ...op.until(B, IMAGES)], // over the images
    [...op.i32Const(0), ...set(PIX), ...get(INDEX), ...set(IP)],
    [...op.block, ...op.loop, ...op.until(PIX, PIXELS)], // over the padded input's pixels
    [...get(IP), ...op.i32Load(0), ...get(TABLE), ...op.i32Add, ...set(RUN)],
    [...get(IP), ...op.i32Load(4), ...get(TABLE), ...op.i32Add, ...set(RUN_END)],
    [...op.i32Const(0), ...set(C), ...op.i32Const(0), ...set(COFF)],
    [...op.block, ...op.loop, ...op.until(C, CI)], // over the pixel's channels
    [...get(XP), ...op.f32Load, ...op.tee(V), ...op.f32Zero, ...op.f32Ne, ...op.if],
    [...get(V), ...op.splat, ...set(S), ...get(RUN), ...set(T)],
    [...op.block, ...op.loop, ...op.until(T, RUN_END)], // over the taps that read this pixel
    [...get(T), ...op.i32Load(0), ...get(OUT), ...op.i32Add, ...get(COFF), ...op.i32Add, ...op.tee(DST)],
    [
      ...get(CO_BYTES),
      ...op.i32Add,
      ...set(DST_END),
      ...get(T),
      ...op.i32Load(4),
      ...get(DYB),
      ...op.i32Add,
      ...set(SRC),
    ],
    // dW[i,j,c,:] += v·dy[y,x,:], 4·vectors output channels at a time
    [...op.block, ...op.loop, ...op.until(DST, DST_END)],
    ...(vectors ? offsets.map(axpy) : [scalarAxpy]),
    [...op.advance(DST, op.i32Const(stepBytes)), ...op.advance(SRC, op.i32Const(stepBytes))],
    [...op.br(0), ...op.end, ...op.end],
    [...op.advance(T, op.i32Const(8)), ...op.br(0), ...op.end, ...op.end],
    [...op.end], // if
    [...op.advance(XP, op.i32Const(4)), ...op.advance(C, op.i32Const(1)), ...op.advance(COFF, get(CO_BYTES))],
    [...op.br(0), ...op.end, ...op.end],
    [...op.advance(IP, op.i32Const(4)), ...op.advance(PIX, op.i32Const(1)), ...op.br(0), ...op.end, ...op.end],
    [...op.advance(DYB, get(DY_IMAGE_BYTES)), ...op.advance(B, op.i32Const(1)), ...op.br(0), ...op.end, ...op.end],
  ];
}

const filterFunction = (vectors: number): OneFunction => ({
  name: 'filter',
  params: Array<number>(10).fill(I32),
  locals: [
    [13, I32],
    [1, F32],
    [1, V128],
  ],
  statements: statements(vectors),
});

export interface FilterViews {
  /** The padded input [B, Hp, Wp, ci], dy [B, oh, ow, co] and the zeroed [kh, kw, ci, co] output. */
  x: Float32Array;
  dy: Float32Array;
  out: Float32Array;
  /** (slab bytes, dy offset bytes) pairs, and each pixel's start in them (bytes), pixels + 1. */
  table: Int32Array;
  index: Int32Array;
}

export type SparseFilter = (
  views: FilterViews,
  shape: { images: number; pixels: number; ci: number; co: number; dyImage: number },
) => void;

const bind =
  (raw: (...args: number[]) => void): SparseFilter =>
  ({ x, dy, out, table, index }, { images, pixels, ci, co, dyImage }) =>
    raw(
      x.byteOffset,
      dy.byteOffset,
      out.byteOffset,
      table.byteOffset,
      index.byteOffset,
      images,
      pixels,
      ci,
      co * 4,
      dyImage * 4,
    );

const [SIXTEEN, FOUR, ONE] = [filterFunction(4), filterFunction(1), filterFunction(0)];

/** The modules this file builds, by what each one is, for its listing (the .wat beside it). */
export const SIMD_FUNCTIONS: Readonly<Record<string, OneFunction>> = {
  'sixteen output channels a step (co a multiple of 16)': SIXTEEN,
  'four output channels a step (co a multiple of 4)': FOUR,
  'one output channel a step, without SIMD lanes (any co)': ONE,
};

const sixteenAtATime = heapFunction(SIXTEEN, bind);
const fourAtATime = heapFunction(FOUR, bind);
const oneAtATime = heapFunction(ONE, bind);

/** The kernel for `co` output channels bound to `memory`; undefined where this WebAssembly has no SIMD. */
export function sparseFilterFor(memory: WebAssembly.Memory, co: number): SparseFilter | undefined {
  if (co % 16 === 0) return sixteenAtATime(memory);
  return co % 4 === 0 ? fourAtATime(memory) : oneAtATime(memory);
}

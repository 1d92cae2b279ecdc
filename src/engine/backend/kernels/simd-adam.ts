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

/** Unsigned LEB128, as every count and index in a wasm binary is written. */
function leb(value: number): number[] {
  const out: number[] = [];
  let v = value >>> 0;
  do {
    let byte = v & 0x7f;
    v >>>= 7;
    if (v) byte |= 0x80;
    out.push(byte);
  } while (v);
  return out;
}

function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

function name(text: string): number[] {
  return [...leb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;
const op = {
  get: (i: number) => [0x20, ...leb(i)],
  set: (i: number) => [0x21, ...leb(i)],
  i32Add: [0x6a],
  i32GeU: [0x4f],
  i32Const: (n: number) => [0x41, ...leb(n)],
  load: [0xfd, 0x00, 0x00, 0x00],
  store: [0xfd, 0x0b, 0x00, 0x00],
  splat: [0xfd, 0x13],
  sqrt: [0xfd, ...leb(0xe3)],
  add: [0xfd, ...leb(0xe4)],
  sub: [0xfd, ...leb(0xe5)],
  mul: [0xfd, ...leb(0xe6)],
  div: [0xfd, ...leb(0xe7)],
};

// Parameters 0–14, then the locals: the byte offset, the seven scalars splatted, g, m', v'.
const [W, G, M, V, W2, M2, V2, BYTES] = [0, 1, 2, 3, 4, 5, 6, 7];
const FIRST_SCALAR = 8;
const AT = 15;
const [B1, B2, G1, G2, STEP, ROOT, EPS] = [16, 17, 18, 19, 20, 21, 22];
const [GI, MI, VI] = [23, 24, 25];

/** A v128 loaded from parameter `base` plus the running offset. */
const loadAt = (base: number) => [...op.get(base), ...op.get(AT), ...op.i32Add, ...op.load];
const addressAt = (base: number) => [...op.get(base), ...op.get(AT), ...op.i32Add];

/** The function's code, one statement a line. */
function body(): number[] {
  const { get, set, mul, add } = op;
  const statements: number[][] = [
    ...Array.from({ length: 7 }, (_, i) => [...get(FIRST_SCALAR + i), ...op.splat, ...set(B1 + i)]),
    [0x02, 0x40, 0x03, 0x40], // block, loop
    [...get(AT), ...get(BYTES), ...op.i32GeU, 0x0d, 0x01], // all done: leave the block
    [...loadAt(G), ...set(GI)],
    // m' = β₁m + (1−β₁)g
    [...get(B1), ...loadAt(M), ...mul, ...get(G1), ...get(GI), ...mul, ...add, ...set(MI)],
    // v' = β₂v + (1−β₂)g·g
    [...get(B2), ...loadAt(V), ...mul, ...get(G2), ...get(GI), ...mul, ...get(GI), ...mul, ...add, ...set(VI)],
    [...addressAt(M2), ...get(MI), ...op.store],
    [...addressAt(V2), ...get(VI), ...op.store],
    // w' = w − (lr/c₁)·m' / (√v'·(1/√c₂) + ε)
    [...addressAt(W2), ...loadAt(W), ...get(STEP), ...get(MI), ...mul],
    [...get(VI), ...op.sqrt, ...get(ROOT), ...mul, ...get(EPS), ...add, ...op.div, ...op.sub, ...op.store],
    [...get(AT), ...op.i32Const(16), ...op.i32Add, ...set(AT)],
    [0x0c, 0x00, 0x0b, 0x0b, 0x0b], // back to the loop's start; end loop, block, function
  ];
  // Locals after the parameters: one i32 (the offset), ten v128.
  const fn = [0x02, 0x01, I32, 0x0a, V128, ...statements.flat()];
  return [...leb(fn.length), ...fn];
}

/** "\0asm", version 1. */
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

function moduleBytes(): Uint8Array<ArrayBuffer> {
  const params = [...Array<number>(8).fill(I32), ...Array<number>(7).fill(F32)];
  return new Uint8Array([
    ...HEADER,
    ...section(1, [0x01, 0x60, ...leb(params.length), ...params, 0x00]), // one type: (8 × i32, 7 × f32) → ()
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, 0x00, 0x00]), // imports env.memory, any size
    ...section(3, [0x01, 0x00]), // one function, of that type
    ...section(7, [0x01, ...name('adam'), 0x00, 0x00]), // exported as "adam"
    ...section(10, [0x01, ...body()]), // its code
  ]);
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

type RawAdam = (...args: number[]) => void;

let compiled: WebAssembly.Module | null | undefined;
const instances = new WeakMap<WebAssembly.Memory, SimdAdam>();

/** The SIMD Adam bound to `memory`; undefined where this WebAssembly has no SIMD. */
export function simdAdamFor(memory: WebAssembly.Memory): SimdAdam | undefined {
  if (compiled === undefined) {
    const bytes = moduleBytes();
    compiled = WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null;
  }
  if (!compiled) return undefined;
  let adam = instances.get(memory);
  if (!adam) {
    const raw = new WebAssembly.Instance(compiled, { env: { memory } }).exports.adam as RawAdam;
    adam = (arrays, count, s) =>
      raw(...arrays.map((a) => a.byteOffset), count * 4, s.beta1, s.beta2, s.g1, s.g2, s.step, s.root, s.epsilon);
    instances.set(memory, adam);
  }
  return adam;
}

/**
 * Just enough of a WebAssembly assembler to write our few SIMD kernels out by hand (there is
 * no wasm toolchain in the build): instruction bytes, and a module of one exported function
 * that works on an imported memory, tfjs's own wasm heap, so kernels read and write tensors
 * where tfjs keeps them, with no copy.
 */

/** Unsigned LEB128, as every count and index in a wasm binary is written. */
export function leb(value: number): number[] {
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

/** Signed LEB128, as `i32.const` takes its operand (64 unsigned would read as −64). */
function sleb(value: number): number[] {
  const out: number[] = [];
  let v = value | 0;
  for (;;) {
    const byte = v & 0x7f;
    v >>= 7;
    const done = (v === 0 && (byte & 0x40) === 0) || (v === -1 && (byte & 0x40) !== 0);
    out.push(done ? byte : byte | 0x80);
    if (done) return out;
  }
}

function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

function name(text: string): number[] {
  return [...leb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;

function f32Bytes(value: number): number[] {
  return Array.from(new Uint8Array(new Float32Array([value]).buffer));
}

function i32Bytes(value: number): number[] {
  return Array.from(new Uint8Array(new Int32Array([value]).buffer));
}

/** v128 loads and stores: alignment hint 1 byte, then the constant offset added to the address. */
const memarg = (offset: number) => [0x00, ...leb(offset)];

const get = (i: number) => [0x20, ...leb(i)];
const set = (i: number) => [0x21, ...leb(i)];
const i32Add = [0x6a];
const i32GeU = [0x4f];
const brIf = (depth: number) => [0x0d, ...leb(depth)];

export const op = {
  get,
  set,
  tee: (i: number) => [0x22, ...leb(i)],
  /** local += the i32 the instructions `by` leave (a constant, or another local). */
  advance: (local: number, by: number[]) => [...get(local), ...by, ...i32Add, ...set(local)],
  /** Leaves the enclosing block (the `block` around a `loop`) once local ≥ limit, unsigned. */
  until: (local: number, limit: number) => [...get(local), ...get(limit), ...i32GeU, ...brIf(1)],
  i32Add,
  i32GeU,
  i32Const: (n: number) => [0x41, ...sleb(n)],
  f32Load: [0x2a, 0x02, 0x00],
  i32Load: (offset = 0) => [0x28, 0x02, ...leb(offset)],
  i32Store: (offset = 0) => [0x36, 0x02, ...leb(offset)],
  f32Ne: [0x5c],
  f32Zero: [0x43, 0x00, 0x00, 0x00, 0x00],
  /** block / loop / if without a result; `end` closes any of them. */
  block: [0x02, 0x40],
  loop: [0x03, 0x40],
  if: [0x04, 0x40],
  end: [0x0b],
  br: (depth: number) => [0x0c, ...leb(depth)],
  brIf,
  load: (offset = 0) => [0xfd, 0x00, ...memarg(offset)],
  store: (offset = 0) => [0xfd, 0x0b, ...memarg(offset)],
  splat: [0xfd, 0x13],
  extractLane: (lane: number) => [0xfd, 0x1f, lane],
  /** A v128 of four equal f32 lanes. */
  f32x4: (value: number) => [0xfd, 0x0c, ...Array<number[]>(4).fill(f32Bytes(value)).flat()],
  i32x4: (value: number) => [0xfd, 0x0c, ...Array<number[]>(4).fill(i32Bytes(value)).flat()],
  f32Const: (value: number) => [0x43, ...f32Bytes(value)],
  f32Add: [0x92],
  f32Mul: [0x94],
  f32Neg: [0x8c],
  f32Store: (offset = 0) => [0x38, 0x02, ...leb(offset)],
  and: [0xfd, 0x4e],
  /** a & ~b */
  andNot: [0xfd, 0x4f],
  or: [0xfd, 0x50],
  lt: [0xfd, 0x43],
  gt: [0xfd, 0x44],
  i32x4ShrS: [0xfd, ...leb(0xac)],
  i32x4Add: [0xfd, ...leb(0xae)],
  i32x4Sub: [0xfd, ...leb(0xb1)],
  convertI32: [0xfd, ...leb(0xfa)],
  min: [0xfd, ...leb(0xe8)],
  max: [0xfd, ...leb(0xe9)],
  sqrt: [0xfd, ...leb(0xe3)],
  add: [0xfd, ...leb(0xe4)],
  sub: [0xfd, ...leb(0xe5)],
  mul: [0xfd, ...leb(0xe6)],
  div: [0xfd, ...leb(0xe7)],
};

/** "\0asm", version 1. */
const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

export interface OneFunction {
  /** The export's name. */
  name: string;
  /** Parameter types, in order (I32, F32). */
  params: number[];
  /** Locals after the parameters, as [count, type] runs. */
  locals: Array<[number, number]>;
  /** The code, statement by statement, without the function's final `end`. */
  statements: number[][];
}

/** The module's bytes: `env.memory` imported (any size; shared for a threaded heap), one function exported. */
export function oneFunctionModule(fn: OneFunction, sharedMemory = false): Uint8Array<ArrayBuffer> {
  const locals = [...leb(fn.locals.length), ...fn.locals.flatMap(([count, type]) => [...leb(count), type])];
  const code = [...locals, ...fn.statements.flat(), ...op.end];
  // Limits: unshared with no maximum, or shared with the largest maximum (a shared memory needs one).
  const limits = sharedMemory ? [0x03, 0x00, ...leb(65536)] : [0x00, 0x00];
  return new Uint8Array([
    ...HEADER,
    ...section(1, [0x01, 0x60, ...leb(fn.params.length), ...fn.params, 0x00]), // one type: params → ()
    ...section(2, [0x01, ...name('env'), ...name('memory'), 0x02, ...limits]),
    ...section(3, [0x01, 0x00]), // one function, of that type
    ...section(7, [0x01, ...name(fn.name), 0x00, 0x00]),
    ...section(10, [0x01, ...leb(code.length), ...code]),
  ]);
}

/**
 * Compiles `fn` once (per kind of heap: tfjs's threaded build shares its memory) and binds it to
 * each memory it is asked for. The bound function is undefined where this WebAssembly cannot
 * take the module (no SIMD), and the caller then runs its JavaScript loop.
 */
export function heapFunction<F>(fn: OneFunction, wrap: (raw: (...args: number[]) => void) => F) {
  const compiled = new Map<boolean, WebAssembly.Module | null>();
  const instances = new WeakMap<WebAssembly.Memory, F | null>();
  const compile = (shared: boolean) => {
    if (!compiled.has(shared)) {
      const bytes = oneFunctionModule(fn, shared);
      compiled.set(shared, WebAssembly.validate(bytes) ? new WebAssembly.Module(bytes) : null);
    }
    return compiled.get(shared) ?? null;
  };
  return (memory: WebAssembly.Memory): F | undefined => {
    if (!instances.has(memory)) {
      const module = compile(typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer);
      let bound: F | null = null;
      try {
        if (module) {
          const raw = new WebAssembly.Instance(module, { env: { memory } }).exports[fn.name] as (
            ...a: number[]
          ) => void;
          bound = wrap(raw);
        }
      } catch {
        // A memory this module cannot import: the JavaScript loop does the work instead.
      }
      instances.set(memory, bound);
    }
    return instances.get(memory) ?? undefined;
  };
}

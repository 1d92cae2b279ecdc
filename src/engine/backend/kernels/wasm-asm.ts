/**
 * Just enough of a WebAssembly assembler to write our few SIMD kernels out by hand (there is
 * no wasm toolchain in the build): instruction bytes, and a module of one exported function
 * that works on an imported memory, tfjs's own wasm heap, so kernels read and write tensors
 * where tfjs keeps them, with no copy. The instructions and the format's bytes come from
 * wasm-format.ts, which the disassembler behind the kernels' listings (*.wat) reads too.
 */
import {
  encode,
  f32Bytes,
  FUNC_TYPE,
  FUNCTION_KIND,
  HEADER,
  INSTRUCTIONS,
  leb,
  LIMITS_MIN,
  LIMITS_SHARED,
  MEMORY_KIND,
  SECTION,
} from './wasm-format';

export { F32, I32, V128 } from './wasm-format';

const I = INSTRUCTIONS;

function section(id: number, content: number[]): number[] {
  return [id, ...leb(content.length), ...content];
}

function name(text: string): number[] {
  return [...leb(text.length), ...Array.from(text, (c) => c.charCodeAt(0))];
}

/** A v128 constant of four equal 4-byte lanes. */
const lanes = (bytes: number[]) => encode(I.v128Const, Array<number[]>(4).fill(bytes).flat());
const i32Bytes = (value: number) => Array.from(new Uint8Array(new Int32Array([value]).buffer));

const get = (i: number) => encode(I.localGet, i);
const set = (i: number) => encode(I.localSet, i);
const i32Add = encode(I.i32Add);
const i32GeU = encode(I.i32GeU);
const brIf = (depth: number) => encode(I.brIf, depth);

/** The kernels' instructions by short names, with the few idioms they repeat; SIMD ones are f32x4. */
export const op = {
  get,
  set,
  tee: (i: number) => encode(I.localTee, i),
  /** local += the i32 the instructions `by` leave (a constant, or another local). */
  advance: (local: number, by: number[]) => [...get(local), ...by, ...i32Add, ...set(local)],
  /** Leaves the enclosing block (the `block` around a `loop`) once local ≥ limit, unsigned. */
  until: (local: number, limit: number) => [...get(local), ...get(limit), ...i32GeU, ...brIf(1)],
  i32Add,
  i32GeU,
  i32Const: (n: number) => encode(I.i32Const, n),
  f32Load: encode(I.f32Load),
  i32Load: (offset = 0) => encode(I.i32Load, offset),
  i32Store: (offset = 0) => encode(I.i32Store, offset),
  f32Ne: encode(I.f32Ne),
  f32Zero: encode(I.f32Const, 0),
  /** block / loop / if without a result; `end` closes any of them. */
  block: encode(I.block),
  loop: encode(I.loop),
  if: encode(I.if),
  end: encode(I.end),
  br: (depth: number) => encode(I.br, depth),
  brIf,
  /** v128 loads and stores: alignment hint 1 byte, then the constant offset added to the address. */
  load: (offset = 0) => encode(I.v128Load, offset),
  store: (offset = 0) => encode(I.v128Store, offset),
  splat: encode(I.f32x4Splat),
  extractLane: (lane: number) => encode(I.f32x4ExtractLane, lane),
  /** A v128 of four equal f32 lanes. */
  f32x4: (value: number) => lanes(f32Bytes(value)),
  i32x4: (value: number) => lanes(i32Bytes(value)),
  f32Const: (value: number) => encode(I.f32Const, value),
  f32Add: encode(I.f32Add),
  f32Mul: encode(I.f32Mul),
  f32Neg: encode(I.f32Neg),
  f32Store: (offset = 0) => encode(I.f32Store, offset),
  and: encode(I.v128And),
  /** a & ~b */
  andNot: encode(I.v128AndNot),
  or: encode(I.v128Or),
  lt: encode(I.f32x4Lt),
  gt: encode(I.f32x4Gt),
  i32x4ShrS: encode(I.i32x4ShrS),
  i32x4Add: encode(I.i32x4Add),
  i32x4Sub: encode(I.i32x4Sub),
  convertI32: encode(I.f32x4ConvertI32x4S),
  min: encode(I.f32x4Min),
  max: encode(I.f32x4Max),
  sqrt: encode(I.f32x4Sqrt),
  add: encode(I.f32x4Add),
  sub: encode(I.f32x4Sub),
  mul: encode(I.f32x4Mul),
  div: encode(I.f32x4Div),
};

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

/** A 32-bit memory's largest size, in 64-KiB pages. */
const MAX_PAGES = 65536;

/** The module's bytes: `env.memory` imported (any size; shared for a threaded heap), one function exported. */
export function oneFunctionModule(fn: OneFunction, sharedMemory = false): Uint8Array<ArrayBuffer> {
  const locals = [...leb(fn.locals.length), ...fn.locals.flatMap(([count, type]) => [...leb(count), type])];
  const code = [...locals, ...fn.statements.flat(), ...op.end];
  // Limits: unshared with no maximum, or shared with the largest maximum (a shared memory needs one).
  const limits = sharedMemory ? [LIMITS_SHARED, ...leb(0), ...leb(MAX_PAGES)] : [LIMITS_MIN, ...leb(0)];
  return new Uint8Array([
    ...HEADER,
    ...section(SECTION.type, [...leb(1), FUNC_TYPE, ...leb(fn.params.length), ...fn.params, ...leb(0)]), // params → ()
    ...section(SECTION.import, [...leb(1), ...name('env'), ...name('memory'), MEMORY_KIND, ...limits]),
    ...section(SECTION.function, [...leb(1), ...leb(0)]), // one function, of type 0
    ...section(SECTION.export, [...leb(1), ...name(fn.name), FUNCTION_KIND, ...leb(0)]),
    ...section(SECTION.code, [...leb(1), ...leb(code.length), ...code]),
  ]);
}

export const KERNEL_ERRORS = {
  invalid: (name: string) =>
    `the SIMD kernel "${name}" is not a valid WebAssembly module, though this WebAssembly has SIMD: its code is wrong`,
  unbound: (name: string) => `the SIMD kernel "${name}" could not be bound to the wasm heap`,
} as const;

/**
 * Set to 1 where a kernel that does not bind must be an error rather than the JavaScript loop
 * (the test configs set it): the loop gives the same numbers, so a lost kernel would go unseen.
 */
export const STRICT_KERNELS_ENV = 'LATENTDRAW_STRICT_KERNELS';

function strictKernels(): boolean {
  // Read through globalThis: the trainer page runs these kernels too, and it has no `process`.
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.[STRICT_KERNELS_ENV] === '1';
}

/**
 * `(module (func (result v128) i32.const 0 i8x16.splat i8x16.popcnt))`, wasm-feature-detect's
 * SIMD probe, as fixed bytes: it tells "no SIMD here" from "our module is wrong" without
 * trusting our own assembler.
 */
const SIMD_PROBE = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, 0x03, 0x02, 0x01, 0x00,
  0x0a, 0x0a, 0x01, 0x08, 0x00, 0x41, 0x00, 0xfd, 0x0f, 0xfd, 0x62, 0x0b,
]);
/** Asked only when a kernel fails to compile, which is rare: not cached. */
const hasSimd = () => WebAssembly.validate(SIMD_PROBE);

/**
 * `fn`'s module, or null where this WebAssembly has no SIMD (no kernel of ours compiles there).
 * A module refused where SIMD is present is a bug, and throws.
 */
function compileKernel(fn: OneFunction, shared: boolean): WebAssembly.Module | null {
  try {
    return new WebAssembly.Module(oneFunctionModule(fn, shared));
  } catch (error) {
    if (!hasSimd()) return null;
    throw new Error(KERNEL_ERRORS.invalid(fn.name), { cause: error });
  }
}

/**
 * Compiles `fn` once (per kind of heap: tfjs's threaded build shares its memory) and binds it to
 * each memory it is asked for. The bound function is undefined where this WebAssembly has no
 * SIMD or the memory cannot be imported, and the caller then runs its JavaScript loop; with
 * STRICT_KERNELS_ENV set, that is an error instead.
 */
export function heapFunction<F>(fn: OneFunction, wrap: (raw: (...args: number[]) => void) => F) {
  const compiled = new Map<boolean, WebAssembly.Module | null>();
  const instances = new WeakMap<WebAssembly.Memory, F | null>();
  const compile = (shared: boolean) => {
    if (!compiled.has(shared)) compiled.set(shared, compileKernel(fn, shared));
    return compiled.get(shared) ?? null;
  };
  return (memory: WebAssembly.Memory): F | undefined => {
    if (!instances.has(memory)) {
      const module = compile(typeof SharedArrayBuffer !== 'undefined' && memory.buffer instanceof SharedArrayBuffer);
      let bound: F | null = null;
      let failure: unknown;
      try {
        if (module) {
          const raw = new WebAssembly.Instance(module, { env: { memory } }).exports[fn.name] as (
            ...a: number[]
          ) => void;
          bound = wrap(raw);
        }
      } catch (error) {
        // A memory this module cannot import: the JavaScript loop does the work instead.
        failure = error;
      }
      if (!bound && strictKernels()) throw new Error(KERNEL_ERRORS.unbound(fn.name), { cause: failure });
      instances.set(memory, bound);
    }
    return instances.get(memory) ?? undefined;
  };
}

/**
 * The WebAssembly binary format as far as our hand-written SIMD kernels use it: LEB128, value
 * types, module sections and the instructions, in one table. The assembler (wasm-asm.ts)
 * encodes from it and the disassembler (wasm-disasm.ts) decodes with it, so the bytes and
 * their listing cannot disagree about an opcode.
 */

export const WASM_ENCODING_ERRORS = {
  notU32: (value: number) => `${value} is not an unsigned 32-bit integer (LEB128 operand)`,
  notI32: (value: number) => `${value} is not a signed 32-bit integer (signed LEB128 operand)`,
  notV128: (length: number) => `a v128 constant takes 16 bytes, not ${length}`,
} as const;

/** Unsigned LEB128, as every count and index in a wasm binary is written. */
export function leb(value: number): number[] {
  if (!Number.isInteger(value) || value < 0 || value > 0xffffffff) throw new Error(WASM_ENCODING_ERRORS.notU32(value));
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
export function sleb(value: number): number[] {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff)
    throw new Error(WASM_ENCODING_ERRORS.notI32(value));
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

/** Value types, by their byte, with their name in the text format. */
export const I32 = 0x7f;
export const F32 = 0x7d;
export const V128 = 0x7b;
export const VALUE_TYPES: Readonly<Record<number, string>> = { [I32]: 'i32', [F32]: 'f32', [V128]: 'v128' };

/** "\0asm", version 1. */
export const HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/** The sections a one-function module has, by id, in the order they must come. */
export const SECTION = { type: 1, import: 2, function: 3, export: 7, code: 10 } as const;
/** A function type's tag; an import or export's kind byte for a memory or a function. */
export const FUNC_TYPE = 0x60;
export const MEMORY_KIND = 0x02;
export const FUNCTION_KIND = 0x00;
/** A memory's limits flags: minimum only; minimum and maximum, shared (a shared one needs both). */
export const LIMITS_MIN = 0x00;
export const LIMITS_MIN_MAX = 0x01;
export const LIMITS_SHARED = 0x03;

/**
 * What follows an opcode: nothing, a local index, a branch depth, a block type (always "no
 * result" here), a memory argument (alignment, offset), an i32 / f32 / v128 constant, a lane.
 */
export type Immediate = 'none' | 'local' | 'depth' | 'blocktype' | 'memarg' | 'i32' | 'f32' | 'v128' | 'lane';

export interface Instruction {
  /** The text format's name. */
  wat: string;
  /** The opcode's bytes: one, or 0xfd and the SIMD opcode as LEB128. */
  code: readonly number[];
  immediate: Immediate;
  /** memarg only: the alignment hint we emit, and the access's natural one (log2 bytes). */
  align?: number;
  natural?: number;
}

const plain = (wat: string, byte: number, immediate: Immediate = 'none'): Instruction => ({
  wat,
  code: [byte],
  immediate,
});
const simd = (wat: string, opcode: number, immediate: Immediate = 'none'): Instruction => ({
  wat,
  code: [0xfd, ...leb(opcode)],
  immediate,
});
/** A load or store: scalars say their natural alignment (4 bytes); v128 ones promise only 1. */
const access = (instruction: Instruction, align: number, natural: number): Instruction => ({
  ...instruction,
  align,
  natural,
});

export const INSTRUCTIONS = {
  block: plain('block', 0x02, 'blocktype'),
  loop: plain('loop', 0x03, 'blocktype'),
  if: plain('if', 0x04, 'blocktype'),
  end: plain('end', 0x0b),
  br: plain('br', 0x0c, 'depth'),
  brIf: plain('br_if', 0x0d, 'depth'),
  localGet: plain('local.get', 0x20, 'local'),
  localSet: plain('local.set', 0x21, 'local'),
  localTee: plain('local.tee', 0x22, 'local'),
  i32Load: access(plain('i32.load', 0x28, 'memarg'), 2, 2),
  f32Load: access(plain('f32.load', 0x2a, 'memarg'), 2, 2),
  i32Store: access(plain('i32.store', 0x36, 'memarg'), 2, 2),
  f32Store: access(plain('f32.store', 0x38, 'memarg'), 2, 2),
  i32Const: plain('i32.const', 0x41, 'i32'),
  f32Const: plain('f32.const', 0x43, 'f32'),
  i32GeU: plain('i32.ge_u', 0x4f),
  f32Ne: plain('f32.ne', 0x5c),
  i32Add: plain('i32.add', 0x6a),
  f32Neg: plain('f32.neg', 0x8c),
  f32Add: plain('f32.add', 0x92),
  f32Mul: plain('f32.mul', 0x94),
  v128Load: access(simd('v128.load', 0x00, 'memarg'), 0, 4),
  v128Store: access(simd('v128.store', 0x0b, 'memarg'), 0, 4),
  v128Const: simd('v128.const', 0x0c, 'v128'),
  f32x4Splat: simd('f32x4.splat', 0x13),
  f32x4ExtractLane: simd('f32x4.extract_lane', 0x1f, 'lane'),
  f32x4Lt: simd('f32x4.lt', 0x43),
  f32x4Gt: simd('f32x4.gt', 0x44),
  v128And: simd('v128.and', 0x4e),
  v128AndNot: simd('v128.andnot', 0x4f),
  v128Or: simd('v128.or', 0x50),
  i32x4ShrS: simd('i32x4.shr_s', 0xac),
  i32x4Add: simd('i32x4.add', 0xae),
  i32x4Sub: simd('i32x4.sub', 0xb1),
  f32x4Sqrt: simd('f32x4.sqrt', 0xe3),
  f32x4Add: simd('f32x4.add', 0xe4),
  f32x4Sub: simd('f32x4.sub', 0xe5),
  f32x4Mul: simd('f32x4.mul', 0xe6),
  f32x4Div: simd('f32x4.div', 0xe7),
  f32x4Min: simd('f32x4.min', 0xe8),
  f32x4Max: simd('f32x4.max', 0xe9),
  f32x4ConvertI32x4S: simd('f32x4.convert_i32x4_s', 0xfa),
} as const satisfies Record<string, Instruction>;

/** "No result": the only block type our kernels use. */
export const EMPTY_BLOCK = 0x40;

/** The little-endian bytes of an f32. */
export const f32Bytes = (value: number): number[] => Array.from(new Uint8Array(new Float32Array([value]).buffer));

/**
 * One instruction's bytes. `operand` is what its immediate needs: a local, depth or lane, a
 * memarg's offset, or a constant; a v128 constant takes its 16 bytes.
 */
export function encode(instruction: Instruction, operand: number | readonly number[] = 0): number[] {
  const n = typeof operand === 'number' ? operand : 0;
  switch (instruction.immediate) {
    case 'none':
      return [...instruction.code];
    case 'local':
    case 'depth':
    case 'lane':
      return [...instruction.code, ...leb(n)];
    case 'blocktype':
      return [...instruction.code, EMPTY_BLOCK];
    case 'memarg':
      return [...instruction.code, ...leb(instruction.align ?? 0), ...leb(n)];
    case 'i32':
      return [...instruction.code, ...sleb(n)];
    case 'f32':
      return [...instruction.code, ...f32Bytes(n)];
    case 'v128': {
      const bytes = typeof operand === 'number' ? [] : operand;
      if (bytes.length !== 16) throw new Error(WASM_ENCODING_ERRORS.notV128(bytes.length));
      return [...instruction.code, ...bytes];
    }
  }
}

/**
 * Reads back the modules wasm-asm.ts builds, as WebAssembly text (the kernels' .wat listings):
 * the header, the type, import, function, export and code sections of a one-function module,
 * and every instruction in wasm-format's table. Anything else is refused, naming the byte.
 */
import {
  EMPTY_BLOCK,
  FUNC_TYPE,
  FUNCTION_KIND,
  HEADER,
  INSTRUCTIONS,
  type Instruction,
  leb,
  LIMITS_MIN,
  LIMITS_MIN_MAX,
  LIMITS_SHARED,
  MEMORY_KIND,
  SECTION,
  VALUE_TYPES,
} from './wasm-format';

export const DISASM_ERRORS = {
  notWasm: 'not a WebAssembly module: the "\\0asm" version 1 header is missing',
  truncated: (at: number) => `the module ends inside an item at byte ${at}`,
  badLeb: (at: number) => `the LEB128 number at byte ${at} does not fit 32 bits`,
  unexpected: (what: string, byte: number, at: number) => `expected ${what} at byte ${at}, found 0x${hex(byte, 2)}`,
  unknownSection: (id: number, at: number) => `section ${id} at byte ${at} is not one a kernel module has`,
  unknownOpcode: (code: string, at: number) => `opcode ${code} at byte ${at} is not in wasm-format's instruction table`,
  sizeMismatch: (what: string, at: number) => `the ${what} starting at byte ${at} does not end where its size says`,
} as const;

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

/** The table by opcode bytes (SIMD ones as 0xfd and their LEB128), as the decoder meets them. */
const BY_CODE = new Map<string, Instruction>(Object.values(INSTRUCTIONS).map((i) => [i.code.join(','), i]));

class Reader {
  pos = 0;
  constructor(private readonly bytes: Uint8Array) {}

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  byte(): number {
    if (this.done) throw new Error(DISASM_ERRORS.truncated(this.pos));
    return this.bytes[this.pos++];
  }

  take(count: number): Uint8Array {
    if (this.pos + count > this.bytes.length) throw new Error(DISASM_ERRORS.truncated(this.pos));
    this.pos += count;
    return this.bytes.subarray(this.pos - count, this.pos);
  }

  expect(what: string, value: number): void {
    const at = this.pos;
    const byte = this.byte();
    if (byte !== value) throw new Error(DISASM_ERRORS.unexpected(what, byte, at));
  }

  /** Unsigned LEB128, at most 32 bits. */
  leb(): number {
    return this.leb128(false);
  }

  /** Signed LEB128, at most 32 bits. */
  sleb(): number {
    return this.leb128(true);
  }

  private leb128(signed: boolean): number {
    const at = this.pos;
    const [min, max] = signed ? [-0x80000000, 0x7fffffff] : [0, 0xffffffff];
    let result = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const byte = this.byte();
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) {
        // A signed number's last byte carries its sign in bit 6.
        const value = signed && byte & 0x40 ? result - 2 ** (shift + 7) : result;
        if (value < min || value > max) break;
        return value;
      }
    }
    throw new Error(DISASM_ERRORS.badLeb(at));
  }

  name(): string {
    return String.fromCharCode(...this.take(this.leb()));
  }

  valueType(): string {
    const at = this.pos;
    const byte = this.byte();
    const name = VALUE_TYPES[byte];
    if (!name) throw new Error(DISASM_ERRORS.unexpected('a value type', byte, at));
    return name;
  }

  vector<T>(item: () => T): T[] {
    return Array.from({ length: this.leb() }, item);
  }
}

/** An f32 as the text format writes it, to the 9 significant digits that identify it. */
function f32Text(value: number): string {
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
  if (Object.is(value, -0)) return '-0';
  return String(Number(value.toPrecision(9)));
}

/** `i32x4 a b c d`, with the lanes' value in a comment when all four are the same. */
function v128Text(bytes: Uint8Array): string {
  const copy = bytes.slice();
  const ints = new Int32Array(copy.buffer);
  const floats = new Float32Array(copy.buffer);
  const lanes = Array.from(ints, (v) => `0x${hex(v >>> 0, 8)}`).join(' ');
  const same = ints.every((v) => v === ints[0]);
  return same ? `i32x4 ${lanes}  ;; each lane: i32 ${ints[0]}, f32 ${f32Text(floats[0])}` : `i32x4 ${lanes}`;
}

function operandText(instruction: Instruction, reader: Reader): string {
  switch (instruction.immediate) {
    case 'none':
      return '';
    case 'local':
    case 'depth':
    case 'lane':
      return ` ${reader.leb()}`;
    case 'blocktype':
      reader.expect('an empty block type (0x40)', EMPTY_BLOCK);
      return '';
    case 'memarg': {
      const align = reader.leb();
      const offset = reader.leb();
      const parts = [offset ? `offset=${offset}` : '', align !== instruction.natural ? `align=${2 ** align}` : ''];
      return parts
        .filter(Boolean)
        .map((p) => ` ${p}`)
        .join('');
    }
    case 'i32':
      return ` ${reader.sleb()}`;
    case 'f32':
      return ` ${f32Text(new Float32Array(reader.take(4).slice().buffer)[0])}`;
    case 'v128':
      return ` ${v128Text(reader.take(16))}`;
  }
}

function instruction(reader: Reader): Instruction {
  const at = reader.pos;
  const first = reader.byte();
  // A SIMD opcode is re-encoded to look it up as the table writes it.
  const code = first === 0xfd ? [first, ...leb(reader.leb())] : [first];
  const found = BY_CODE.get(code.join(','));
  if (!found) throw new Error(DISASM_ERRORS.unknownOpcode(code.map((b) => `0x${hex(b, 2)}`).join(' '), at));
  return found;
}

/** The function body's text lines: instructions indented by block depth, without the final `end`. */
function body(reader: Reader, end: number): string[] {
  const lines: string[] = [];
  let depth = 0;
  while (reader.pos < end) {
    const ins = instruction(reader);
    if (ins === INSTRUCTIONS.end) {
      if (depth === 0) break;
      depth -= 1;
    }
    lines.push(`${'  '.repeat(depth + 2)}${ins.wat}${operandText(ins, reader)}`);
    if (ins.immediate === 'blocktype') depth += 1;
  }
  if (reader.pos !== end) throw new Error(DISASM_ERRORS.sizeMismatch('function body', end));
  return lines;
}

interface Parsed {
  types: Array<{ params: string[]; results: string[] }>;
  imports: string[];
  functionTypes: number[];
  exports: Array<{ name: string; index: number }>;
  bodies: string[][];
}

function section(reader: Reader, id: number, into: Parsed): void {
  switch (id) {
    case SECTION.type:
      into.types = reader.vector(() => {
        reader.expect('a function type (0x60)', FUNC_TYPE);
        return { params: reader.vector(() => reader.valueType()), results: reader.vector(() => reader.valueType()) };
      });
      return;
    case SECTION.import:
      into.imports = reader.vector(() => {
        const [module, field] = [reader.name(), reader.name()];
        reader.expect('a memory import (0x02)', MEMORY_KIND);
        const at = reader.pos;
        const flags = reader.byte();
        const min = reader.leb();
        let limits: string;
        if (flags === LIMITS_MIN) limits = `${min}`;
        else if (flags === LIMITS_MIN_MAX) limits = `${min} ${reader.leb()}`;
        else if (flags === LIMITS_SHARED) limits = `${min} ${reader.leb()} shared`;
        else throw new Error(DISASM_ERRORS.unexpected('memory limits (0x00, 0x01 or 0x03)', flags, at));
        return `(import "${module}" "${field}" (memory (;0;) ${limits}))`;
      });
      return;
    case SECTION.function:
      into.functionTypes = reader.vector(() => reader.leb());
      return;
    case SECTION.export:
      into.exports = reader.vector(() => {
        const name = reader.name();
        reader.expect('a function export (0x00)', FUNCTION_KIND);
        return { name, index: reader.leb() };
      });
      return;
    case SECTION.code: {
      let index = 0;
      into.bodies = reader.vector(() => {
        const size = reader.leb();
        const end = reader.pos + size;
        // Locals are numbered after the function's parameters.
        let next = into.types[into.functionTypes[index++]]?.params.length ?? 0;
        const locals = reader.vector(() => {
          const count = reader.leb();
          const type = reader.valueType();
          const line = `    (local (;${next};) ${Array<string>(count).fill(type).join(' ')})`;
          next += count;
          return line;
        });
        return [...locals, ...body(reader, end)];
      });
      return;
    }
    default:
      throw new Error(DISASM_ERRORS.unknownSection(id, reader.pos - 1));
  }
}

/** The module's text: `(module …)` with its type, memory import, function and export. */
export function disassemble(bytes: Uint8Array): string {
  const reader = new Reader(bytes);
  if (bytes.length < HEADER.length || HEADER.some((b, i) => bytes[i] !== b)) throw new Error(DISASM_ERRORS.notWasm);
  reader.pos = HEADER.length;
  const parsed: Parsed = { types: [], imports: [], functionTypes: [], exports: [], bodies: [] };
  while (!reader.done) {
    const id = reader.byte();
    const size = reader.leb();
    const end = reader.pos + size;
    const start = reader.pos;
    section(reader, id, parsed);
    if (reader.pos !== end) throw new Error(DISASM_ERRORS.sizeMismatch(`section ${id}`, start));
  }
  const typeText = (t: Parsed['types'][number]) =>
    [
      t.params.length ? ` (param ${t.params.join(' ')})` : '',
      t.results.length ? ` (result ${t.results.join(' ')})` : '',
    ]
      .filter(Boolean)
      .join('');
  const lines = ['(module'];
  parsed.types.forEach((t, i) => lines.push(`  (type (;${i};) (func${typeText(t)}))`));
  lines.push(...parsed.imports.map((i) => `  ${i}`));
  parsed.functionTypes.forEach((type, i) => {
    const exported = parsed.exports.filter((e) => e.index === i).map((e) => ` (export "${e.name}")`);
    lines.push(`  (func (;${i};)${exported.join('')} (type ${type})${typeText(parsed.types[type])}`);
    lines.push(...(parsed.bodies[i] ?? []));
    lines.push('  )');
  });
  lines.push(')');
  return `${lines.join('\n')}\n`;
}

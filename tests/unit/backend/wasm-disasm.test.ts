import { describe, expect, test } from 'vitest';
import { F32, I32, oneFunctionModule, op, V128, type OneFunction } from '../../../src/engine/backend/kernels/wasm-asm';
import { DISASM_ERRORS, disassemble } from '../../../src/engine/backend/kernels/wasm-disasm';
import { encode, INSTRUCTIONS, type Instruction } from '../../../src/engine/backend/kernels/wasm-format';

const fn = (statements: number[][], locals: OneFunction['locals'] = []): OneFunction => ({
  name: 'f',
  params: [I32, F32],
  locals,
  statements,
});

/** The instruction lines of the function's body, unindented. */
const bodyLines = (statements: number[][]) =>
  disassemble(oneFunctionModule(fn(statements)))
    .split('\n')
    .slice(4, -3)
    .map((line) => line.trim());

describe('the disassembler behind the kernels’ listings', () => {
  test('writes a module as WebAssembly text: type, memory import, function with its locals, indented blocks', () => {
    const statements = [
      [...op.block, ...op.loop, ...op.until(2, 0), ...op.get(1), ...op.splat, ...op.set(3)],
      [...op.get(0), ...op.get(3), ...op.store(16), ...op.advance(2, op.i32Const(-65)), ...op.br(0)],
      [...op.end, ...op.end],
    ];
    expect(
      disassemble(
        oneFunctionModule(
          fn(statements, [
            [1, I32],
            [1, V128],
          ]),
          true,
        ),
      ),
    ).toBe(
      [
        '(module',
        '  (type (;0;) (func (param i32 f32)))',
        '  (import "env" "memory" (memory (;0;) 0 65536 shared))',
        '  (func (;0;) (export "f") (type 0) (param i32 f32)',
        '    (local (;2;) i32)',
        '    (local (;3;) v128)',
        '    block',
        '      loop',
        '        local.get 2',
        '        local.get 0',
        '        i32.ge_u',
        '        br_if 1',
        '        local.get 1',
        '        f32x4.splat',
        '        local.set 3',
        '        local.get 0',
        '        local.get 3',
        '        v128.store offset=16 align=1',
        '        local.get 2',
        '        i32.const -65',
        '        i32.add',
        '        local.set 2',
        '        br 0',
        '      end',
        '    end',
        '  )',
        ')',
        '',
      ].join('\n'),
    );
  });

  /** One use of each kind of operand, and how the text writes it. */
  const operands: Record<Instruction['immediate'], [number | number[], string]> = {
    none: [0, ''],
    local: [300, ' 300'],
    depth: [2, ' 2'],
    lane: [3, ' 3'],
    blocktype: [0, ''],
    memarg: [20, ' offset=20'],
    i32: [-123456, ' -123456'],
    f32: [0.1, ' 0.100000001'],
    v128: [[1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 0, 0, 0], ' i32x4 0x00000001 0x00000002 0x00000003 0x00000004'],
  };

  test.each(Object.entries(INSTRUCTIONS).filter(([, ins]) => ins !== INSTRUCTIONS.end))(
    'reads %s back from the bytes the table encodes',
    (_, ins: Instruction) => {
      const [operand, text] = operands[ins.immediate];
      const align = ins.align !== ins.natural ? ` align=${2 ** (ins.align ?? 0)}` : '';
      const closes = ins.immediate === 'blocktype' ? [op.end] : [];
      const [line] = bodyLines([encode(ins, operand), ...closes]);
      expect(line).toBe(`${ins.wat}${text}${ins.immediate === 'memarg' ? align : ''}`);
    },
  );

  test('names a v128 constant’s lanes once when they are all the same', () => {
    expect(bodyLines([op.f32x4(0.5)])).toEqual([
      'v128.const i32x4 0x3f000000 0x3f000000 0x3f000000 0x3f000000  ;; each lane: i32 1056964608, f32 0.5',
    ]);
  });

  test('refuses what is not one of our modules, naming the byte', () => {
    expect(() => disassemble(new Uint8Array([0x00, 0x61, 0x73]))).toThrow(DISASM_ERRORS.notWasm);
    const nop = oneFunctionModule(fn([[0x01]]));
    // The nop sits just before the function's final `end`.
    expect(() => disassemble(nop)).toThrow(DISASM_ERRORS.unknownOpcode('0x01', nop.length - 2));
    const simd = oneFunctionModule(fn([[0xfd, 0x62]]));
    expect(() => disassemble(simd)).toThrow(DISASM_ERRORS.unknownOpcode('0xfd 0x62', simd.length - 3));
    // Cut inside f32.const's four bytes (the last of them and the final `end` go): named from where they start.
    const whole = oneFunctionModule(fn([op.f32Zero]));
    expect(() => disassemble(whole.subarray(0, whole.length - 2))).toThrow(DISASM_ERRORS.truncated(whole.length - 5));
  });
});

import { afterEach, describe, expect, test, vi } from 'vitest';
import {
  heapFunction,
  KERNEL_ERRORS,
  op,
  STRICT_KERNELS_ENV,
  V128,
  type OneFunction,
} from '../../../src/engine/backend/kernels/wasm-asm';

/** A valid kernel: one v128 constant put in a local. */
const GOOD: OneFunction = {
  name: 'good',
  params: [],
  locals: [[1, V128]],
  statements: [[...op.f32x4(1), ...op.set(0)]],
};
/** A broken one: it leaves that v128 on the stack of a function that returns nothing. */
const BROKEN: OneFunction = { name: 'broken', params: [], locals: [], statements: [op.f32x4(1)] };

const memory = () => new WebAssembly.Memory({ initial: 1 });
/** What a bind failure looks like: a "memory" the module cannot import. */
const notAMemory = { buffer: new ArrayBuffer(65536) } as unknown as WebAssembly.Memory;

/** The error `call` threw, to read its message and cause. */
function thrown(call: () => unknown): Error {
  try {
    call();
  } catch (error) {
    return error as Error;
  }
  throw new Error('it did not throw');
}

describe('binding a SIMD kernel', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.restoreAllMocks();
  });

  test('the tests run strict: a kernel that does not bind is an error, not the JavaScript loop', () => {
    expect(process.env[STRICT_KERNELS_ENV]).toBe('1');
    expect(heapFunction(GOOD, (raw) => raw)(memory())).toBeTypeOf('function');
    const error = thrown(() => heapFunction(GOOD, (raw) => raw)(notAMemory));
    expect(error.message).toBe(KERNEL_ERRORS.unbound('good'));
    expect(error.cause).toBeInstanceOf(WebAssembly.LinkError);
  });

  test('outside the tests, a memory it cannot import falls back to the JavaScript loop', () => {
    vi.stubEnv(STRICT_KERNELS_ENV, '');
    expect(heapFunction(GOOD, (raw) => raw)(notAMemory)).toBeUndefined();
  });

  test('a module that fails to validate where SIMD is present is a bug: it throws, strict or not', () => {
    for (const strict of ['1', '']) {
      vi.stubEnv(STRICT_KERNELS_ENV, strict);
      const error = thrown(() => heapFunction(BROKEN, (raw) => raw)(memory()));
      expect(error.message).toBe(KERNEL_ERRORS.invalid('broken'));
      expect(error.cause).toBeInstanceOf(WebAssembly.CompileError);
    }
  });

  test('where WebAssembly has no SIMD, the kernel is left to the JavaScript loop (an error only when strict)', () => {
    // No SIMD: nothing of ours compiles, and the SIMD probe does not validate either.
    vi.spyOn(WebAssembly, 'validate').mockReturnValue(false);
    vi.spyOn(WebAssembly, 'Module').mockImplementation(() => {
      throw new WebAssembly.CompileError('invalid opcode 0xfd');
    });
    vi.stubEnv(STRICT_KERNELS_ENV, '');
    expect(heapFunction(GOOD, (raw) => raw)(memory())).toBeUndefined();
    vi.stubEnv(STRICT_KERNELS_ENV, '1');
    expect(() => heapFunction(GOOD, (raw) => raw)(memory())).toThrow(KERNEL_ERRORS.unbound('good'));
  });
});

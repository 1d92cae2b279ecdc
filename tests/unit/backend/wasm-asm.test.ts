import { describe, expect, it } from 'vitest';
import { sparseRowsFor, sparseRowsScratch } from '../../../src/engine/backend/kernels/simd-sparse-rows';

/** C = A·B with the sparse-rows kernel on `memory`: A [2, 3], B [3, 16]. */
function productOn(memory: WebAssembly.Memory): number[] {
  const rows = sparseRowsFor(memory);
  expect(rows).toBeTypeOf('function');
  const heap = new Float32Array(memory.buffer);
  const a = heap.subarray(0, 6);
  a.set([1, 0, 2, 0, 3, 0]);
  const b = heap.subarray(16, 64);
  b.forEach((_, i) => (b[i] = i));
  const c = heap.subarray(64, 96);
  rows!(a, b, c, heap.subarray(128, 128 + sparseRowsScratch(3)), { m: 2, k: 3, n: 16 });
  return Array.from(c);
}

describe('SIMD kernels written with wasm-asm', () => {
  it("bind to a shared memory (tfjs's threaded heap) as to a plain one, with the same results", () => {
    const plain = productOn(new WebAssembly.Memory({ initial: 1 }));
    const shared = productOn(new WebAssembly.Memory({ initial: 1, maximum: 16, shared: true }));
    // Row 0 = 1·B[0] + 2·B[2]; row 1 = 3·B[1].
    expect(plain.slice(0, 3)).toEqual([0 + 2 * 32, 1 + 2 * 33, 2 + 2 * 34]);
    expect(plain.slice(16, 19)).toEqual([3 * 16, 3 * 17, 3 * 18]);
    expect(shared).toEqual(plain);
  });
});

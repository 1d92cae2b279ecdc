import { util } from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs';
import { transposeLast2 } from './wasm-call';

/** A matmul's transpose flags. */
export interface TransposeFlags {
  ta: boolean;
  tb: boolean;
}

/** [m, k]·[k, n] */
export interface ProductSize {
  m: number;
  k: number;
  n: number;
}

/** The sizes of a product of rank-2 (or batch-1) operands, after their flags; undefined for a batch. */
export function plainProductSize(a: TensorInfo, b: TensorInfo, flags: TransposeFlags): ProductSize | undefined {
  const batchOf = (x: TensorInfo) => util.sizeFromShape(x.shape.slice(0, -2));
  if (batchOf(a) !== 1 || batchOf(b) !== 1) return undefined;
  const [ar, ac] = a.shape.slice(-2);
  const [br, bc] = b.shape.slice(-2);
  const [m, k] = flags.ta ? [ac, ar] : [ar, ac];
  return { m, k, n: flags.tb ? br : bc };
}

/**
 * A and B laid out plainly, [.., m, k] and [.., k, n]: an explicit transpose (a cheap copy)
 * where a flag asks for one. The caller frees `made`.
 */
export function plainOperands(
  backend: BackendWasm,
  a: TensorInfo,
  b: TensorInfo,
  flags: TransposeFlags,
): { a: TensorInfo; b: TensorInfo; made: TensorInfo[] } {
  const a2 = flags.ta ? transposeLast2(backend, a) : a;
  const b2 = flags.tb ? transposeLast2(backend, b) : b;
  return { a: a2, b: b2, made: [...(flags.ta ? [a2] : []), ...(flags.tb ? [b2] : [])] };
}

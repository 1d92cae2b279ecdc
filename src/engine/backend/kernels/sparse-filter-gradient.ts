import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs';
import { heapOf } from './array-kernel';
import { sparseFilterFor } from './simd-sparse-filter';
import { MIN_ZERO_SHARE, mostlyZeros } from './sparse-mat-mul';
import { free } from './wasm-call';

/** A convolution's geometry as the filter gradient needs it. */
export interface FilterGeometry {
  kh: number;
  kw: number;
  sh: number;
  sw: number;
  oh: number;
  ow: number;
}

/**
 * Whether the filter gradient should be taken over the input's nonzeros: the input (a drawing,
 * or a ReLU layer's output) is mostly zeros.
 */
export function sparseFilterGradientFits(backend: BackendWasm, x: TensorInfo, co: number): boolean {
  const heap = heapOf(backend);
  if (!heap || !sparseFilterFor(heap, co) || x.dtype !== 'float32') return false;
  return mostlyZeros(backend.typedArrayFromHeap(x) as Float32Array, MIN_ZERO_SHARE);
}

/**
 * For each pixel (r, s) of the padded input, the filter taps that read it, as (byte offset of
 * dW[i,j], byte offset of dy[y,x] within an image) pairs, and where each pixel's run starts.
 */
function tapTable(hp: number, wp: number, ci: number, co: number, g: FilterGeometry) {
  const pairs: number[] = [];
  const starts: number[] = [];
  for (let r = 0; r < hp; r++) {
    for (let s = 0; s < wp; s++) {
      starts.push(pairs.length * 4);
      for (let i = 0; i < g.kh; i++) {
        const y = (r - i) / g.sh;
        if (!Number.isInteger(y) || y < 0 || y >= g.oh) continue;
        for (let j = 0; j < g.kw; j++) {
          const x = (s - j) / g.sw;
          if (!Number.isInteger(x) || x < 0 || x >= g.ow) continue;
          pairs.push((i * g.kw + j) * ci * co * 4, (y * g.ow + x) * co * 4);
        }
      }
    }
  }
  starts.push(pairs.length * 4);
  return { pairs, starts };
}

/**
 * dW[i,j,c,:] = Σ x[b, y·sh+i, x·sw+j, c] · dy[b,y,x,:], summed over x's nonzeros only. `xw` is
 * the input already windowed to exactly the rows and columns the forward read, [B, Hp, Wp, ci].
 */
export function sparseFilterGradient(
  backend: BackendWasm,
  xw: TensorInfo,
  dy: TensorInfo,
  g: FilterGeometry,
): TensorInfo {
  const [images, hp, wp, ci] = xw.shape;
  const co = dy.shape[3];
  const { pairs, starts } = tapTable(hp, wp, ci, co, g);
  const out = backend.makeOutput([g.kh, g.kw, ci, co], 'float32');
  const scratch = backend.makeOutput([pairs.length + starts.length], 'float32');
  try {
    // Views only after the allocations: growing the heap detaches views taken before it.
    const view = (info: TensorInfo) => backend.typedArrayFromHeap(info) as Float32Array;
    const [outView, scratchView] = [view(out), view(scratch)];
    outView.fill(0);
    const ints = new Int32Array(scratchView.buffer, scratchView.byteOffset, scratchView.length);
    ints.set(pairs);
    ints.set(starts, pairs.length);
    sparseFilterFor(heapOf(backend)!, co)!(
      {
        x: view(xw),
        dy: view(dy),
        out: outView,
        table: ints.subarray(0, pairs.length),
        index: ints.subarray(pairs.length),
      },
      { images, pixels: hp * wp, ci, co, dyImage: g.oh * g.ow * co },
    );
    return out;
  } finally {
    free(backend, scratch);
  }
}

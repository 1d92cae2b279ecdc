import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { TensorInfo } from '@tensorflow/tfjs';
import { call, free } from './wasm-call';

/**
 * The rows [-top, -top + height) and columns [-left, -left + width) of an NHWC tensor, zero
 * outside it: one PadV2 (and a Slice only when the window cuts the image) turns any
 * 'same'/'valid'/explicit padding into a 'valid' convolution over exactly the pixels it reads.
 */
export function spatialWindow(
  backend: BackendWasm,
  x: TensorInfo,
  top: number,
  height: number,
  left: number,
  width: number,
): TensorInfo {
  const [batch, h, w, c] = x.shape;
  const rowBegin = Math.max(0, -top);
  const rowEnd = Math.min(h, height - top);
  const colBegin = Math.max(0, -left);
  const colEnd = Math.min(w, width - left);
  const cropped = rowBegin > 0 || rowEnd < h || colBegin > 0 || colEnd < w;
  const inner = cropped
    ? call(
        'Slice',
        backend,
        { x },
        {
          begin: [0, rowBegin, colBegin, 0],
          size: [batch, rowEnd - rowBegin, colEnd - colBegin, c],
        },
      )
    : x;
  const before = [Math.max(0, top), Math.max(0, left)];
  const after = [height - before[0] - inner.shape[1], width - before[1] - inner.shape[2]];
  if (before[0] === 0 && before[1] === 0 && after[0] === 0 && after[1] === 0) {
    // The caller frees what it gets back, so hand it a reference of its own.
    return inner === x ? call('Reshape', backend, { x }, { shape: x.shape }) : inner;
  }
  const paddings = [
    [0, 0],
    [before[0], after[0]],
    [before[1], after[1]],
    [0, 0],
  ];
  const out = call('PadV2', backend, { x: inner }, { paddings, constantValue: 0 });
  if (cropped) free(backend, inner);
  return out;
}

import { ResizeNearestNeighborGrad } from '@tensorflow/tfjs';
import type { KernelBackend, KernelConfig, ResizeNearestNeighborGradAttrs } from '@tensorflow/tfjs';
import { required } from './wasm-call';

/**
 * dx of a nearest-neighbour resize: each dy pixel goes back to the source pixel the forward
 * pass read (same index arithmetic as tfjs's kernels).
 */
export function resizeNearestGradValues(
  dy: Float32Array,
  dyShape: number[],
  imageShape: number[],
  alignCorners: boolean,
): Float32Array {
  const [batch, xh, xw, depth] = imageShape;
  const [, yh, yw] = dyShape;
  const scale = (x: number, y: number) => (alignCorners && x > 1 ? x - 1 : x) / (alignCorners && y > 1 ? y - 1 : y);
  const hs = scale(xh, yh);
  const ws = scale(xw, yw);
  const pick = (frac: number, size: number) => Math.min(size - 1, alignCorners ? Math.round(frac) : Math.floor(frac));
  const rowOf = Int32Array.from({ length: yh }, (_, y) => pick(hs * y, xh));
  const colOf = Int32Array.from({ length: yw }, (_, x) => pick(ws * x, xw));
  const dx = new Float32Array(batch * xh * xw * depth);
  let i = 0;
  for (let b = 0; b < batch; b++) {
    for (let y = 0; y < yh; y++) {
      const rowBase = (b * xh + rowOf[y]) * xw;
      for (let x = 0; x < yw; x++) {
        const o = (rowBase + colOf[x]) * depth;
        for (let d = 0; d < depth; d++, i++) dx[o + d] += dy[i];
      }
    }
  }
  return dx;
}

/**
 * tfjs 4.22's cpu ResizeNearestNeighborGrad reads dy at the wrong batch offset for batch > 1
 * (with dy = 0..31 for a [2,2,2,1] → [2,4,4,1] upsample it returns 26 where the answer is 74),
 * so UpSampling2D layers — the Cookbook autoencoder's decoder — get wrong encoder gradients on
 * the cpu backend. (wasm's own kernel is right.) Backend-neutral: readSync in, write out.
 */
export const cpuResizeNearestGradConfig: KernelConfig = {
  kernelName: ResizeNearestNeighborGrad,
  backendName: 'cpu',
  kernelFunc: ({ inputs, backend, attrs }) => {
    const kb = backend as KernelBackend;
    const images = required(inputs, 'images');
    const dy = required(inputs, 'dy');
    const values = resizeNearestGradValues(
      Float32Array.from(kb.readSync(dy.dataId) as ArrayLike<number>),
      dy.shape,
      images.shape,
      (attrs as unknown as ResizeNearestNeighborGradAttrs).alignCorners,
    );
    return { dataId: kb.write(values, images.shape, 'float32'), shape: images.shape, dtype: 'float32' };
  },
};

import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';
import type { DataId, TensorInfo } from '@tensorflow/tfjs';
import { call, free, transpose } from './wasm-call';

/** One sub-filter per output phase (row phase major); null where no tap reaches the phase. */
export type PhaseFilters = Array<TensorInfo | null>;

interface Entry {
  dataId: DataId;
  key: string;
  filters: PhaseFilters;
}

/**
 * While a person draws, the decoder runs again and again with the same weights. XNNPACK caches
 * its packed convolution per filter tensor, so handing it the same sub-filter tensors each
 * time keeps inference from re-packing (≈10 ms → well under 1 ms for the conv VAE's decoder).
 * Tensor data never changes under one dataId in tfjs (assign swaps the dataId), so the
 * dataId identifies the weights. A few entries bound what a disposed filter leaves behind.
 */
const MAX_ENTRIES = 8;
const cache: Entry[] = [];

export interface PhaseTaps {
  /** First tap and stride along rows/columns, per phase, in the flipped filter. */
  rowTap: number;
  colTap: number;
}

function build(
  backend: BackendWasm,
  filter: TensorInfo,
  taps: Array<PhaseTaps | null>,
  sh: number,
  sw: number,
): PhaseFilters {
  const [kh, kw, ci, co] = filter.shape;
  const flipped = call('Reverse', backend, { x: filter }, { dims: [0, 1] });
  const swapped = transpose(backend, flipped, [0, 1, 3, 2]);
  free(backend, flipped);
  if (sh === 1 && sw === 1) return [swapped];
  const filters = taps.map((t) =>
    t === null
      ? null
      : call(
          'StridedSlice',
          backend,
          { x: swapped },
          {
            begin: [t.rowTap, t.colTap, 0, 0],
            end: [kh, kw, co, ci],
            strides: [sh, sw, 1, 1],
            beginMask: 0,
            endMask: 0,
            ellipsisMask: 0,
            newAxisMask: 0,
            shrinkAxisMask: 0,
          },
        ),
  );
  free(backend, swapped);
  return filters;
}

/** The filter turned 180°, channels swapped, split by phase; owned by the cache, do not free. */
export function phaseFilters(
  backend: BackendWasm,
  filter: TensorInfo,
  taps: Array<PhaseTaps | null>,
  sh: number,
  sw: number,
): PhaseFilters {
  const key = `${sh},${sw}:${taps.map((t) => (t ? `${t.rowTap}.${t.colTap}` : '-')).join(',')}`;
  const hit = cache.findIndex((e) => e.dataId === filter.dataId && e.key === key);
  if (hit >= 0) {
    const [entry] = cache.splice(hit, 1);
    cache.push(entry);
    return entry.filters;
  }
  const filters = build(backend, filter, taps, sh, sw);
  cache.push({ dataId: filter.dataId, key, filters });
  while (cache.length > MAX_ENTRIES) {
    const old = cache.shift();
    for (const f of old?.filters ?? []) if (f) backend.disposeData(f.dataId);
  }
  return filters;
}

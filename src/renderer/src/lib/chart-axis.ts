import { axisTicks } from './ticks';

/**
 * A chart axis's tick positions and labels from one d3 scale, so the labels share one format
 * (uPlot asks for the splits and then for their labels: the second call reuses the first).
 */
export function tickAxis(count: number): {
  splits: (min: number, max: number) => number[];
  values: (splits: number[]) => string[];
} {
  let last: { values: number[]; labels: string[] } = { values: [], labels: [] };
  return {
    splits(min, max) {
      last = axisTicks(min, max, count);
      return last.values;
    },
    values(splits) {
      const same = splits.length === last.values.length && splits.every((v, i) => v === last.values[i]);
      if (same) return last.labels;
      return axisTicks(splits[0] ?? 0, splits[splits.length - 1] ?? 1, count).labels;
    },
  };
}

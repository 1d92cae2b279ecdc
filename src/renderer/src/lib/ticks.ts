import { scaleLinear } from 'd3-scale';

/**
 * Axis ticks for a value range: round steps with one number format for the whole axis (so a
 * KL of 0.000535 reads "0.0005", never ".000535" beside "0.001").
 */
export function axisTicks(min: number, max: number, count: number): { values: number[]; labels: string[] } {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return { values: [], labels: [] };
  const [lo, hi] = min === max ? [min - 1, max + 1] : [Math.min(min, max), Math.max(min, max)];
  const scale = scaleLinear().domain([lo, hi]);
  const values = scale.ticks(count);
  const format = scale.tickFormat(count);
  return { values, labels: values.map(format) };
}

/** A value in a legend or tooltip: four significant digits, without exponent noise for plain sizes. */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const size = Math.abs(value);
  if (size !== 0 && (size < 1e-3 || size >= 1e6)) return value.toExponential(2);
  return Number(value.toPrecision(4)).toString();
}

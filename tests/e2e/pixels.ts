import type { Page } from 'playwright-core';

/** Grey values (0 = ink, 255 = paper) of a canvas found by its data-testid; [] when absent. */
export async function canvasGrey(page: Page, testid: string): Promise<number[]> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${id}"]`);
    const context = canvas?.getContext('2d');
    if (!canvas || !context || !canvas.width) return [];
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    const out: number[] = [];
    for (let i = 0; i < data.length; i += 4) out.push(data[i]);
    return out;
  }, testid);
}

/** Mean absolute difference of two grey images, 0–255 (Infinity when their sizes differ). */
export function meanDifference(a: number[], b: number[]): number {
  if (!a.length || a.length !== b.length) return Infinity;
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

/** Pixels darker than mid-grey. */
export function inked(grey: number[]): number {
  return grey.filter((v) => v < 128).length;
}

/** A "1": one vertical stroke, and a "0": one ring, in the 360-px stage's coordinates. */
export const ONE: Array<[number, number]> = [
  [180, 50],
  [182, 120],
  [183, 200],
  [184, 300],
];

export const ZERO: Array<[number, number]> = Array.from({ length: 25 }, (_, i) => {
  const a = (i / 24) * 2 * Math.PI;
  return [180 + 80 * Math.sin(a), 180 - 120 * Math.cos(a)] as [number, number];
});

/// <reference lib="dom" />
import type { Page } from 'playwright-core';

/** Ink (dark pixels) per tile of a canvas tiled rows × cols, plus a fingerprint of the whole canvas. */
export async function canvasTiles(
  page: Page,
  testid: string,
  rows: number,
  cols: number,
): Promise<{ ink: number[]; fingerprint: number[]; width: number }> {
  return page.evaluate(
    ({ testid, rows, cols }) => {
      const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testid}"]`);
      const context = canvas?.getContext('2d');
      if (!canvas || !context) return { ink: [], fingerprint: [], width: 0 };
      const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
      const ink = new Array<number>(rows * cols).fill(0);
      const fingerprint = new Array<number>(64).fill(0);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) {
          const o = (y * width + x) * 4;
          const dark = data[o + 3] > 0 ? 1 - data[o] / 255 : 0;
          const cell = Math.floor((y / height) * rows) * cols + Math.floor((x / width) * cols);
          ink[cell] += dark;
          fingerprint[Math.floor((y / height) * 8) * 8 + Math.floor((x / width) * 8)] += dark;
        }
      }
      const px = (width * height) / (rows * cols);
      return { ink: ink.map((v) => v / px), fingerprint: fingerprint.map((v) => Math.round(v)), width };
    },
    { testid, rows, cols },
  );
}

/** Coloured (saturated) pixels on the scatter and the CSS position of one of them. */
export async function colouredPoints(page: Page, testid: string): Promise<{ count: number; at?: [number, number] }> {
  return page.evaluate((testid) => {
    const canvas = document.querySelector<HTMLCanvasElement>(`[data-testid="${testid}"]`);
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return { count: 0 };
    const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    let at: [number, number] | undefined;
    const box = canvas.getBoundingClientRect();
    for (let i = 0; i < width * height; i++) {
      const [r, g, b] = [data[i * 4], data[i * 4 + 1], data[i * 4 + 2]];
      if (Math.max(r, g, b) - Math.min(r, g, b) > 80) {
        count++;
        const x = i % width;
        const y = Math.floor(i / width);
        // a point well inside the plot, away from the edges where the tooltip would cover it
        if (!at && x > width * 0.3 && x < width * 0.7 && y > height * 0.3)
          at = [x * (box.width / width), y * (box.height / height)];
      }
    }
    return { count, at };
  }, testid);
}

export function difference(a: number[], b: number[]): number {
  return a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0);
}

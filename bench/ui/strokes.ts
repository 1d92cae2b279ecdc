import type { Page } from 'playwright-core';
import { PERF } from '../../src/renderer/src/lib/perf';
import { drawPath } from '../../tests/e2e/harness';

export const STAGE = '[data-testid="drawing-stage"]';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/**
 * Draws the i-th short stroke of a fixed sequence spread over the canvas, and waits until the
 * page has painted its reconstruction (the i+1-th pointer-up measure). The wait is armed before
 * the stroke and awaited once: polling (Playwright's waitForFunction runs a script every frame)
 * would keep the page's main thread busy and be measured with the studio.
 */
export async function strokeAndWait(page: Page, i: number): Promise<void> {
  const x = 40 + ((i * 37) % 280);
  const y = 40 + ((i * 53) % 280);
  await armMeasureWait(page, PERF.strokeToReconstruction, i + 1);
  await drawPath(page, STAGE, [
    [x, y],
    [x + 20, y + 25],
    [x + 35, y + 10],
  ]);
  await awaitMeasure(page);
}

interface Armed {
  __measured?: Promise<boolean>;
}

/** Makes the page resolve a promise once `count` measures named `name` exist (or 10 s pass). */
export async function armMeasureWait(page: Page, name: string, count: number): Promise<void> {
  await page.evaluate(
    // No named inner functions: tsx would wrap them in a helper the page does not have.
    ([n, want]) => {
      (window as Armed).__measured = new Promise<boolean>((resolve) => {
        if (performance.getEntriesByName(n as string).length >= (want as number)) return resolve(true);
        const timer = setTimeout(() => resolve(false), 10_000);
        const observer = new PerformanceObserver(() => {
          if (performance.getEntriesByName(n as string).length < (want as number)) return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(true);
        });
        observer.observe({ type: 'measure' });
      });
    },
    [name, count] as const,
  );
}

/** Waits for the promise armMeasureWait made; throws if the measure never came. */
export async function awaitMeasure(page: Page): Promise<void> {
  const arrived = await page.evaluate(() => (window as Armed).__measured);
  if (!arrived) throw new Error('no reconstruction was painted within 10 s');
}

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
 * page has painted its reconstruction (the i+1-th pointer-up measure).
 */
export async function strokeAndWait(page: Page, i: number): Promise<void> {
  const x = 40 + ((i * 37) % 280);
  const y = 40 + ((i * 53) % 280);
  await drawPath(page, STAGE, [
    [x, y],
    [x + 20, y + 25],
    [x + 35, y + 10],
  ]);
  await page.waitForFunction(
    ([n, want]) => performance.getEntriesByName(n as string).length >= (want as number),
    [PERF.strokeToReconstruction, i + 1] as const,
    { timeout: 10_000 },
  );
}

import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What a run fills in on the Train form; a field left out keeps the form's value. */
export interface TrainRun {
  /** The first source whose name matches; absent: the form's own pick (the first source listed). */
  source?: RegExp;
  kind?: string;
  name: string;
  epochs: number;
  batchSize?: number;
  /** Items to train on. */
  limit?: number;
}

/** A source with MNIST in its name: the sample shipped under resources/data. */
export const MNIST = /mnist/i;

/**
 * Opens the Train tab, waits for its sources, fills the form and presses Start. Kept apart from
 * harness.ts, which the UI benches load outside the test runner.
 */
export async function startTraining(page: Page, run: TrainRun): Promise<void> {
  await page.getByRole('tab', { name: 'Train' }).click();
  const sources = page.getByTestId('train-source');
  await expect.poll(() => sources.locator('option').count()).toBeGreaterThan(0);
  if (run.source) {
    const id = await sources.locator('option', { hasText: run.source }).first().getAttribute('value');
    expect(id, `no training source matches ${run.source}`).toBeTruthy();
    await sources.selectOption(id!);
  }
  if (run.kind) await page.getByTestId('train-kind').selectOption(run.kind);
  await page.getByTestId('train-name').fill(run.name);
  await page.getByTestId('train-epochs').fill(String(run.epochs));
  if (run.batchSize !== undefined) await page.getByLabel('Batch').fill(String(run.batchSize));
  if (run.limit !== undefined) await page.getByTestId('train-limit').fill(String(run.limit));
  await page.getByTestId('train-start').click();
}

/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawPath, FIXTURE_MODEL_ID, openStudio, useModel, type Studio } from './harness';
import { canvasGrey, inked, meanDifference, ONE } from './pixels';

describe('concept vectors', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ seedModels: true });
    await useModel(studio.page, FIXTURE_MODEL_ID);
    // The first run trains the fixture model (minutes on wasm); later runs reuse it.
  }, 900_000);
  afterAll(async () => {
    await studio?.close();
  });

  test('defines "7 − 1" from two classes and keeps it', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Concepts' }).click();
    await expect.poll(() => page.getByTestId('no-concepts').isVisible(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => page.getByTestId('concept-gallery').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('concept-name').fill('sevenness');
    await page.getByTestId('concept-label-a').selectOption('7');
    await page.getByTestId('concept-label-b').selectOption('1');
    await page.getByTestId('concept-define').click();
    await expect.poll(() => page.getByTestId('concept-list').textContent(), { timeout: 30_000 }).toContain('sevenness');
    expect(await page.getByTestId('concept-list').textContent()).toContain('7 − 1');
  });

  test('applies it to a drawing: the result changes with the strength', async () => {
    const { page } = studio;
    await drawPath(page, '[data-testid="drawing-stage"]', ONE);
    await expect
      .poll(async () => inked(await canvasGrey(page, 'concept-result')), { timeout: 30_000 })
      .toBeGreaterThan(10);
    const strength = page.getByTestId('concept-strength');
    await strength.focus();
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('concept-strength-value').textContent()).toBe('-2.0');
    await page.waitForTimeout(300);
    const minus = await canvasGrey(page, 'concept-result');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('concept-strength-value').textContent()).toBe('2.0');
    await expect
      .poll(async () => meanDifference(minus, await canvasGrey(page, 'concept-result')), { timeout: 10_000 })
      .toBeGreaterThan(10);
    await studio.screenshot('concepts-applied');
  });

  test('picks gallery items for a set and computes A − B + C', async () => {
    const { page } = studio;
    const items = page.locator('[data-testid="concept-gallery"] button');
    expect(await items.count()).toBeGreaterThan(10);
    await page.getByTestId('operand-b').selectOption({ index: 1 });
    await page.getByTestId('operand-c').selectOption({ index: 2 });
    await page.getByTestId('arithmetic-run').click();
    await expect.poll(() => page.getByTestId('arithmetic-result').isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByTestId('arithmetic-result').scrollIntoViewIfNeeded();
    await studio.screenshot('concepts-arithmetic');
  });

  test('a concept survives a reload (kept in the data home)', async () => {
    const { page } = studio;
    await page.reload();
    await page.getByRole('tab', { name: 'Concepts' }).click();
    await expect.poll(() => page.getByTestId('concept-list').textContent(), { timeout: 30_000 }).toContain('sevenness');
  });
});

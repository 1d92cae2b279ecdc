/// <reference lib="dom" />
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedData } from '../helpers/shared-data';
import { openStudio, type Studio } from './harness';
import { tempDir } from '../helpers/temp-folder';

// Needs ../shared/data (Quick, Draw! samples and the truncated .bin).
describe('Data tab: importing files in browser mode', () => {
  let studio: Studio;
  const scratch = tempDir('e2e-files');
  beforeAll(async () => {
    studio = await openStudio({ height: 900 });
    await studio.page.getByRole('tab', { name: 'Data' }).click();
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await studio?.close();
  });

  test('uploads a Quick, Draw! NDJSON file and shows its results and a preview grid', async () => {
    const { page } = studio;
    await page.setInputFiles('[data-testid="import-input"]', sharedData('quickdraw/simplified-ndjson/cat.ndjson'));
    await expect
      .poll(() => page.getByTestId('import-results').textContent(), { timeout: 60_000 })
      .toContain('25 imported');
    await expect.poll(() => page.locator('[data-testid="dataset-preview"] canvas').count()).toBe(25);
    expect(await page.getByTestId('dataset-list').textContent()).toContain('cat');
    await studio.screenshot('data-import-cat');
  });

  test('a truncated .bin imports its 49 whole drawings and shows where it was cut', async () => {
    const { page } = studio;
    await page.setInputFiles('[data-testid="import-input"]', sharedData('quickdraw/binary/dog.truncated-8192.bin'));
    await expect
      .poll(() => page.getByTestId('import-results').textContent(), { timeout: 60_000 })
      .toContain('49 imported');
    const problems = await page.getByTestId('import-problems').textContent();
    expect(problems).toMatch(/record 49, byte \d+:/);
    expect(problems).toContain('cut off');
    await expect.poll(() => page.locator('[data-testid="dataset-list"] li').count()).toBe(2);
    await studio.screenshot('data-import-truncated-bin');
  });

  test('a file of random bytes gives a clear error naming it, and earlier datasets stay', async () => {
    const { page } = studio;
    const noise = join(scratch, 'noise.bin');
    writeFileSync(noise, randomBytes(4096));
    await page.setInputFiles('[data-testid="import-input"]', noise);
    await expect
      .poll(() => page.getByTestId('data-error').textContent(), { timeout: 60_000 })
      .toContain('nothing could be read');
    expect(await page.getByTestId('import-problems').textContent()).toContain('noise.bin');
    expect(await page.locator('[data-testid="dataset-list"] li').count()).toBe(2);
    await studio.screenshot('data-import-random-bytes');
  });

  test('renames and deletes a dataset', async () => {
    const { page } = studio;
    const first = page.locator('[data-testid="dataset-list"] li').first();
    await first.getByRole('button', { name: 'Rename' }).click();
    await first.getByLabel('New name').fill('My cats');
    await first.getByLabel('New name').press('Enter');
    await expect.poll(() => page.getByTestId('dataset-list').textContent()).toContain('My cats');
    page.once('dialog', (dialog) => void dialog.accept());
    await page
      .locator('[data-testid="dataset-list"] li', { hasText: 'My cats' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await expect.poll(() => page.locator('[data-testid="dataset-list"] li').count()).toBe(1);
  });

  test('uploads a file larger than one chunk (4 MB) with its labels', async () => {
    const { page } = studio;
    await page.getByPlaceholder('all').fill('100');
    await page.setInputFiles('[data-testid="import-input"]', [
      sharedData('fashion-mnist/t10k-images-idx3-ubyte.gz'),
      sharedData('fashion-mnist/t10k-labels-idx1-ubyte.gz'),
    ]);
    await expect
      .poll(() => page.getByTestId('import-results').textContent(), { timeout: 60_000 })
      .toContain('100 imported');
    await expect.poll(() => page.locator('[data-testid="dataset-preview"] canvas').count()).toBe(48);
    await studio.screenshot('data-import-fashion');
  });
});

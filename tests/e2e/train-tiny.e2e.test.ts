/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sharedData } from '../helpers/shared-data';
import { drawPath, openStudio, type Studio } from './harness';
import { startTraining } from './train-form';

// Needs ../shared/data (MNIST t10k images and labels).
describe('Train tab: a tiny model trains in the background and joins the picker', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ height: 1000 });
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('imports a small MNIST subset with its labels', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByPlaceholder('all').fill('500');
    await page.setInputFiles('[data-testid="import-input"]', [
      sharedData('mnist/t10k-images-idx3-ubyte.gz'),
      sharedData('mnist/t10k-labels-idx1-ubyte.gz'),
    ]);
    await expect
      .poll(() => page.getByTestId('import-results').textContent(), { timeout: 60_000 })
      .toContain('500 imported');
  });

  test('trains an MLP VAE for three epochs with live progress, then lists it in the model picker', async () => {
    const { page } = studio;
    // The form's first source: the MNIST subset just imported (datasets are listed before samples).
    await startTraining(page, { kind: 'mlp-vae', name: 'e2e-tiny', epochs: 3, batchSize: 32 });
    // While it trains the canvas still takes strokes.
    await drawPath(page, '[data-testid="drawing-stage"]', [
      [80, 80],
      [200, 200],
      [300, 120],
    ]);
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('1 strokes');
    // A picture of the run while it goes (it may already have finished on a fast machine).
    await page.getByTestId('train-reconstructions').waitFor({ timeout: 60_000 });
    await studio.screenshot('train-tiny-running');
    await expect
      .poll(() => page.getByTestId('train-done').textContent(), { timeout: 120_000 })
      .toContain('user:e2e-tiny');
    expect(await page.getByTestId('train-progress-text').textContent()).toMatch(/samples\/s/);
    expect(await page.locator('[data-testid="train-reconstructions"] canvas').count()).toBeGreaterThanOrEqual(2);
    expect(Number(await page.getByTestId('loss-chart-reconstruction').getAttribute('data-points'))).toBeGreaterThan(0);
    expect(await page.locator('[data-testid="loss-chart-reconstruction"] canvas').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('[data-testid="model-select"] option[value="user:e2e-tiny"]').count(), {
        timeout: 30_000,
      })
      .toBe(1);
    await studio.screenshot('train-tiny-done');
  });

  test('exports the reconstruction of the new model as a PNG', async () => {
    const { page } = studio;
    await page.locator('[data-testid="model-select"]').selectOption('user:e2e-tiny');
    await drawPath(page, '[data-testid="drawing-stage"]', [
      [150, 60],
      [150, 300],
    ]);
    await expect
      .poll(() => page.locator('section[aria-label="Reconstruction"] canvas').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-reconstruction-png').click(),
    ]);
    expect(png.suggestedFilename()).toBe('drawing-1-reconstruction.png');
    const bytes = readFileSync((await png.path())!);
    expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  test('an engine crash mid-run is reported and the studio can train again', async () => {
    const { page } = studio;
    await startTraining(page, { name: 'e2e-crash', epochs: 200 });
    await page.getByTestId('train-progress-text').waitFor({ timeout: 60_000 });
    // The status bar says a run is going on, whichever tab is open.
    await expect
      .poll(() => page.getByTestId('status-training').textContent())
      .toMatch(/training e2e-crash · epoch \d+\/200/);
    const pid = studio.mode.supervisor.pid;
    expect(pid).toBeDefined();
    process.kill(pid!, 'SIGKILL');
    await expect
      .poll(() => page.getByTestId('train-error').textContent(), { timeout: 30_000 })
      .toContain('The engine stopped during training and was restarted');
    await expect.poll(() => page.getByTestId('engine-backend').textContent(), { timeout: 60_000 }).toContain('wasm');
    await expect.poll(() => page.getByTestId('train-start').isEnabled(), { timeout: 30_000 }).toBe(true);
    await studio.screenshot('train-engine-crash');
  });
});

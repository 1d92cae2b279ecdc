/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawPath, FIXTURE_MODEL_ID, openStudio, useModel, type Studio } from './harness';
import { layoutProblems } from './layout-check';
import { canvasGrey, inked, ONE } from './pixels';
import { MNIST, startTraining } from './train-form';

const SIZES: Array<[number, number]> = [
  [1024, 700],
  [1280, 800],
  [1920, 1080],
  // The largest window the layout is made for: checked too.
  [2560, 1440],
];

/** Every view, and how to get to it. */
const VIEWS: Array<{ name: string; tab: string; explore?: string; ready?: string }> = [
  { name: 'latent', tab: 'Latent', ready: 'latent-map' },
  { name: 'concepts', tab: 'Concepts' },
  { name: 'explore-grid', tab: 'Explore', explore: 'grid', ready: 'latent-grid' },
  { name: 'explore-scatter', tab: 'Explore', explore: 'scatter', ready: 'scatter' },
  { name: 'explore-path', tab: 'Explore', explore: 'path', ready: 'path-strip' },
  { name: 'explore-samples', tab: 'Explore', explore: 'samples', ready: 'samples' },
  { name: 'explore-similar', tab: 'Explore', explore: 'similar', ready: 'neighbour' },
  { name: 'train', tab: 'Train' },
  { name: 'data', tab: 'Data' },
];

// Screenshots of every view at three window sizes in both themes (test-results/screenshots,
// looked at by a person), each checked for anything cut off or sticking out.
describe('every view from 1024×700 to 2560×1440, light and dark', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ seedModels: true });
    await useModel(studio.page, FIXTURE_MODEL_ID);
  }, 900_000);
  afterAll(async () => {
    await studio?.close();
  });

  test('a short training run first, so the Train view has something to show', async () => {
    const { page } = studio;
    await startTraining(page, { source: MNIST, name: 'screenshot-run', epochs: 3, limit: 600 });
    await expect
      .poll(() => page.getByTestId('train-done').textContent(), { timeout: 180_000 })
      .toContain('user:screenshot-run');
  });

  test('a stroke on the canvas, then every view', async () => {
    const { page } = studio;
    await drawPath(page, '[data-testid="drawing-stage"]', ONE);
    await expect
      .poll(async () => inked(await canvasGrey(page, 'reconstruction')), { timeout: 30_000 })
      .toBeGreaterThan(10);
    const problems: string[] = [];
    for (const theme of ['light', 'dark'] as const) {
      if ((await page.evaluate(() => document.documentElement.dataset.theme)) !== theme)
        await page.getByRole('button', { name: /theme/ }).click();
      for (const [width, height] of SIZES) {
        await page.setViewportSize({ width, height });
        for (const view of VIEWS) {
          await page.getByRole('tab', { name: view.tab, exact: true }).click();
          if (view.explore) await page.getByTestId(`explore-view-${view.explore}`).click();
          if (view.explore === 'path' && !(await page.getByTestId('path-strip').count()))
            await page.getByTestId('path-run').click();
          if (view.ready) await page.getByTestId(view.ready).first().waitFor({ timeout: 60_000 });
          // Layout settles (sizes follow the room on the next frame; the chart repaints after the theme).
          await page.waitForTimeout(250);
          const name = `layout-${width}x${height}-${theme}-${view.name}`;
          await studio.screenshot(name);
          problems.push(...(await layoutProblems(page)).map((p) => `${name}: ${p}`));
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

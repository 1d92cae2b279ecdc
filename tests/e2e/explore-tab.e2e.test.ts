/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { tinyModelFolder } from '../helpers/tiny-models';
import { openStudio, type Studio } from './harness';
import { canvasTiles, colouredPoints, difference } from './explore-helpers';

const VAE = 'user:tiny-vae';
const CVAE = 'user:tiny-cvae';
const SKETCH = 'user:tiny-sketch-vae';

describe('Explore tab on tiny MNIST models', () => {
  let studio: Studio;

  beforeAll(async () => {
    const folders = [await tinyModelFolder('vae'), await tinyModelFolder('cvae'), await tinyModelFolder('sketch')];
    studio = await openStudio({ seedModels: folders });
    const { page } = studio;
    await page
      .locator(`[data-testid="model-select"] option[value="${VAE}"]`)
      .waitFor({ state: 'attached', timeout: 60_000 });
    await page.selectOption('[data-testid="model-select"]', VAE);
    await page.getByRole('tab', { name: 'Explore' }).click();
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('latent grid: 15×15 cells with ink that differ from each other; a click sends the code', async () => {
    const { page } = studio;
    await page.getByTestId('latent-grid').waitFor({ timeout: 60_000 });
    const { ink, width } = await canvasTiles(page, 'latent-grid', 15, 15);
    expect(width).toBe(15 * 28);
    const blank = ink.filter((v) => v < 0.02).length;
    expect(blank).toBeLessThan(10);
    // a VAE grid changes smoothly: the corners hold different digits
    const corners = await Promise.all(
      [0, 14, 210, 224].map(async (cell) => (await canvasTiles(page, 'latent-grid', 15, 15)).ink[cell]),
    );
    expect(new Set(corners.map((v) => v.toFixed(3))).size).toBeGreaterThan(2);
    await studio.screenshot('explore-grid');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('grid-export').click()]);
    expect(download.suggestedFilename()).toBe('latent-grid-15x15.png');
    const png = await readFile((await download.path())!);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    const box = (await page.getByTestId('latent-grid').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.1, box.y + box.height * 0.1);
    await expect.poll(async () => (await canvasTiles(page, 'reconstruction', 1, 1)).ink[0]).toBeGreaterThan(0.02);
  });

  test('scatter: coloured points, a legend, a thumbnail tooltip on hover; a click loads the digit', async () => {
    const { page } = studio;
    await page.getByTestId('explore-view-scatter').click();
    await page.getByTestId('scatter').waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await colouredPoints(page, 'scatter')).count, { timeout: 30_000 })
      .toBeGreaterThan(1000);
    await expect(page.getByTestId('scatter-legend').locator('li').count()).resolves.toBeGreaterThanOrEqual(10);
    const { at } = await colouredPoints(page, 'scatter');
    const box = (await page.getByTestId('scatter').boundingBox())!;
    await page.mouse.move(box.x + at![0], box.y + at![1]);
    await page.getByTestId('scatter-tooltip').waitFor({ timeout: 5_000 });
    await studio.screenshot('explore-scatter-hover');
    const inputBefore = await canvasTiles(page, 'model-input', 1, 1);
    await page.mouse.click(box.x + at![0], box.y + at![1]);
    // MNIST items have no strokes: the digit becomes the current image (the model's input)
    await expect
      .poll(
        async () => difference((await canvasTiles(page, 'model-input', 1, 1)).fingerprint, inputBefore.fingerprint),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(5);
    expect((await canvasTiles(page, 'model-input', 1, 1)).ink[0]).toBeGreaterThan(0.05);
    await page.mouse.move(box.x + 2, box.y + 2);
    await studio.screenshot('explore-scatter-picked');
  });

  test('interpolation: Play steps through frames and the frame image changes', async () => {
    const { page } = studio;
    await page.getByTestId('explore-view-path').click();
    await page.getByTestId('path-run').click();
    await page.getByTestId('path-frame').waitFor({ timeout: 30_000 });
    const first = await canvasTiles(page, 'path-frame', 1, 1);
    await page.getByTestId('path-play').click();
    await expect
      .poll(() => page.getByTestId('path-frame-number').textContent(), { timeout: 10_000 })
      .not.toBe('1 / 10');
    await expect
      .poll(async () => difference((await canvasTiles(page, 'path-frame', 1, 1)).fingerprint, first.fingerprint), {
        timeout: 10_000,
      })
      .toBeGreaterThan(5);
    const strip = await canvasTiles(page, 'path-strip', 1, 10);
    expect(strip.ink.filter((v) => v > 0.02).length).toBeGreaterThanOrEqual(8);
    await studio.screenshot('explore-interpolation');
  });

  test('samples re-roll to new images', async () => {
    const { page } = studio;
    await page.getByTestId('explore-view-samples').click();
    await page.getByTestId('samples').waitFor({ timeout: 30_000 });
    const before = await canvasTiles(page, 'samples', 4, 4);
    expect(before.ink.filter((v) => v > 0.02).length).toBeGreaterThan(12);
    await page.getByTestId('samples-reroll').click();
    await expect
      .poll(async () => difference((await canvasTiles(page, 'samples', 4, 4)).fingerprint, before.fingerprint), {
        timeout: 10_000,
      })
      .toBeGreaterThan(20);
    await studio.screenshot('explore-samples');
  });

  test('neighbours of the current image appear; the first is the image itself', async () => {
    const { page } = studio;
    await page.getByTestId('explore-view-similar').click();
    await expect.poll(() => page.getByTestId('neighbour').count(), { timeout: 30_000 }).toBe(8);
    await expect(page.getByTestId('neighbour').first().textContent()).resolves.toContain('0.00');
    await studio.screenshot('explore-neighbours');
  });

  test('conditional model: style × class grid, and blending changes the image', async () => {
    const { page } = studio;
    await page.selectOption('[data-testid="model-select"]', CVAE);
    await page.getByTestId('explore-view-classes').click();
    await page.getByTestId('class-grid').waitFor({ timeout: 60_000 });
    await page.getByTestId('blend').waitFor({ timeout: 30_000 });
    const before = await canvasTiles(page, 'blend', 1, 4);
    expect(before.ink.every((v) => v > 0.02)).toBe(true);
    // drag the weight of "1" to the right end: the mix moves towards ones
    const slider = (await page.getByTestId('blend-weight-1').boundingBox())!;
    await page.mouse.click(slider.x + slider.width - 2, slider.y + slider.height / 2);
    await expect
      .poll(async () => difference((await canvasTiles(page, 'blend', 1, 4)).fingerprint, before.fingerprint), {
        timeout: 10_000,
      })
      .toBeGreaterThan(10);
    await studio.screenshot('explore-cvae-classes');
  });

  test('4-d latent: PCA grid and UMAP scatter; dark theme at 1280×800', async () => {
    const { page } = studio;
    await page.getByTestId('explore-view-grid').click();
    await page.getByTestId('latent-grid').waitFor({ timeout: 30_000 });
    await expect(page.getByText(/PC1 \(\d+%\)/)).toBeTruthy();
    await page.getByTestId('explore-view-scatter').click();
    await page.selectOption('[data-testid="scatter-projection"]', 'umap');
    await expect
      .poll(async () => (await colouredPoints(page, 'scatter')).count, { timeout: 90_000 })
      .toBeGreaterThan(800);
    await expect.poll(() => page.locator('.axis.x').textContent(), { timeout: 90_000 }).toBe('UMAP 1');
    await page.getByRole('button', { name: /Dark theme/ }).click();
    await studio.screenshot('explore-cvae-umap-dark');
  });

  test('a Quick, Draw! item picked on the scatter lands on the canvas as strokes', async () => {
    const { page } = studio;
    await page.getByRole('button', { name: /Light theme/ }).click();
    await page.selectOption('[data-testid="model-select"]', SKETCH);
    await page.getByTestId('explore-view-scatter').click();
    await expect
      .poll(async () => (await colouredPoints(page, 'scatter')).count, { timeout: 30_000 })
      .toBeGreaterThan(100);
    const box = (await page.getByTestId('scatter').boundingBox())!;
    const at = await page.evaluate(() => {
      const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="scatter"]')!;
      const { data, width } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length / 4; i++) {
        const [r, g, b] = [data[i * 4], data[i * 4 + 1], data[i * 4 + 2]];
        if (Math.max(r, g, b) - Math.min(r, g, b) > 80) {
          const scale = canvas.getBoundingClientRect().width / width;
          return [((i % width) + 2) * scale, (Math.floor(i / width) + 2) * scale];
        }
      }
      return [0, 0];
    });
    await page.mouse.move(box.x + at[0], box.y + at[1]);
    await page.getByTestId('scatter-tooltip').waitFor({ timeout: 5_000 });
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await expect.poll(() => page.getByTestId('stroke-count').textContent(), { timeout: 10_000 }).not.toBe('0 strokes');
    await studio.screenshot('explore-sketch-loaded');
  });
});

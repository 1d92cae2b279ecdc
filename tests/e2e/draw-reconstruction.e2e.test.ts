/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawPath, FIXTURE_MODEL_ID, openStudio, useModel, type Studio } from './harness';
import { canvasGrey, inked, meanDifference, ONE, ZERO } from './pixels';

const STAGE = '[data-testid="drawing-stage"]';

describe('drawing and live reconstruction', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ seedModels: true });
    // The first run trains the fixture model (minutes on wasm); later runs reuse it.
  }, 900_000);
  afterAll(async () => {
    await studio?.close();
  });

  test('selects a model by itself and shows what it is', async () => {
    const { page } = studio;
    // The only model here unless shipped models exist; then the first shipped MNIST VAE is chosen.
    await expect
      .poll(() => page.getByTestId('model-select').inputValue(), { timeout: 60_000 })
      .toMatch(/^(shipped|user):/);
    await useModel(page, FIXTURE_MODEL_ID);
    const facts = await page.getByTestId('model-facts').textContent();
    expect(facts).toContain('mlp-vae');
    expect(facts).toContain('2-d latent');
    expect(facts).toContain('quickdraw28');
    expect(facts).toContain('wasm');
    await studio.screenshot('draw-empty-canvas');
  });

  test('a "1" and a "0" reconstruct differently; the model input shows the rasterized drawing', async () => {
    const { page } = studio;
    await drawPath(page, STAGE, ONE);
    await expect
      .poll(async () => inked(await canvasGrey(page, 'model-input')), { timeout: 30_000 })
      .toBeGreaterThan(10);
    await expect
      .poll(async () => inked(await canvasGrey(page, 'reconstruction')), { timeout: 30_000 })
      .toBeGreaterThan(10);
    const one = await canvasGrey(page, 'reconstruction');
    expect(one).toHaveLength(28 * 28);
    await expect.poll(() => page.getByTestId('latent-code').textContent()).toContain('z1');
    await studio.screenshot('draw-one-reconstructed');

    await page.keyboard.press('Delete');
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('0 strokes');
    await drawPath(page, STAGE, ZERO);
    await expect
      .poll(async () => meanDifference(one, await canvasGrey(page, 'reconstruction')), { timeout: 30_000 })
      .toBeGreaterThan(15);
    await studio.screenshot('draw-zero-reconstructed');
  });

  test('undo, redo and clear with buttons and keyboard shortcuts', async () => {
    const { page } = studio;
    const count = () => page.getByTestId('stroke-count').textContent();
    await page.keyboard.press('Delete');
    await expect.poll(count).toBe('0 strokes');
    await drawPath(page, STAGE, ONE);
    await drawPath(page, STAGE, [
      [80, 150],
      [280, 160],
    ]);
    await expect.poll(count).toBe('2 strokes');
    await page.keyboard.press('Control+z');
    await expect.poll(count).toBe('1 strokes');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(count).toBe('2 strokes');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(count).toBe('1 strokes');
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(count).toBe('2 strokes');
    await page.keyboard.press('Delete');
    await expect.poll(count).toBe('0 strokes');
    await page.keyboard.press('Control+z');
    await expect.poll(count).toBe('2 strokes');
  });

  test('the eraser removes the stroke it touches, as one undo step', async () => {
    const { page } = studio;
    const count = () => page.getByTestId('stroke-count').textContent();
    await expect.poll(count).toBe('2 strokes');
    await page.getByRole('radio', { name: 'Eraser' }).click();
    // Crosses the horizontal stroke (y ≈ 155) only, away from the vertical one.
    await drawPath(page, STAGE, [
      [100, 120],
      [102, 190],
    ]);
    await expect.poll(count).toBe('1 strokes');
    await studio.screenshot('draw-after-eraser');
    await page.keyboard.press('Control+z');
    await expect.poll(count).toBe('2 strokes');
    await page.getByRole('radio', { name: 'Pen' }).click();
  });

  test('the reconstruction updates while a stroke is still being drawn', async () => {
    const { page } = studio;
    await page.keyboard.press('Delete');
    const before = await canvasGrey(page, 'reconstruction');
    const box = await page.locator(STAGE).boundingBox();
    if (!box) throw new Error('no stage');
    await page.mouse.move(box.x + ZERO[0][0], box.y + ZERO[0][1]);
    await page.mouse.down();
    for (const [x, y] of ZERO.slice(1, 20)) await page.mouse.move(box.x + x, box.y + y, { steps: 3 });
    await expect
      .poll(async () => meanDifference(before, await canvasGrey(page, 'reconstruction')), { timeout: 10_000 })
      .toBeGreaterThan(5);
    expect(await page.getByTestId('stroke-count').textContent()).toBe('0 strokes');
    await page.mouse.up();
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('1 strokes');
  });

  test('dark theme', async () => {
    const { page } = studio;
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await studio.screenshot('draw-dark-theme');
    await page.getByRole('button', { name: 'Light theme' }).click();
  });
});

describe('a first launch without models', () => {
  test('says what to do next', async () => {
    const studio = await openStudio();
    try {
      await expect
        .poll(() => studio.page.getByTestId('no-models').textContent(), { timeout: 60_000 })
        .toContain('Train one in the Train tab');
      await studio.screenshot('draw-no-models');
    } finally {
      await studio.close();
    }
  });
});

/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawPath, FIXTURE_MODEL_ID, openStudio, useModel, type Studio } from './harness';
import { canvasGrey, inked, meanDifference, ZERO } from './pixels';

describe('latent sliders and the latent map', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ seedModels: true });
    await useModel(studio.page, FIXTURE_MODEL_ID);
    // The first run trains the fixture model (minutes on wasm); later runs reuse it.
  }, 900_000);
  afterAll(async () => {
    await studio?.close();
  });

  test('asks for a drawing first, then shows one slider per dimension and the map', async () => {
    const { page } = studio;
    await expect.poll(() => page.getByTestId('latent-empty').isVisible(), { timeout: 30_000 }).toBe(true);
    await drawPath(page, '[data-testid="drawing-stage"]', ZERO);
    await expect.poll(() => page.getByTestId('latent-slider-1').isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('latent-slider-2').count()).toBe(0);
    // The map: faint digits behind coloured dots, not a blank square.
    const map = await canvasGrey(page, 'latent-map');
    expect(inked(map)).toBeGreaterThan(200);
    await expect
      .poll(async () => inked(await canvasGrey(page, 'slider-decoded')), { timeout: 10_000 })
      .toBeGreaterThan(10);
  });

  test('dragging a slider with the mouse decodes a different image; Reset returns', async () => {
    const { page } = studio;
    const start = await canvasGrey(page, 'slider-decoded');
    const slider = page.getByTestId('latent-slider-0');
    const box = await slider.boundingBox();
    if (!box) throw new Error('slider not visible');
    const value = Number(await slider.inputValue());
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const thumbX = box.x + ((value - min) / (max - min)) * box.width;
    await page.mouse.move(thumbX, box.y + box.height / 2);
    await page.mouse.down();
    const target = value > 0 ? box.x + box.width * 0.1 : box.x + box.width * 0.9;
    await page.mouse.move(target, box.y + box.height / 2, { steps: 12 });
    await page.mouse.up();
    expect(Math.abs(Number(await slider.inputValue()) - value)).toBeGreaterThan(0.5);
    await expect
      .poll(async () => meanDifference(start, await canvasGrey(page, 'slider-decoded')), { timeout: 10_000 })
      .toBeGreaterThan(10);
    await studio.screenshot('latent-slider-moved');

    await page.getByTestId('latent-reset').click();
    expect(Number(await slider.inputValue())).toBeCloseTo(value, 1);
  });

  test('keyboard arrows move a slider too', async () => {
    const { page } = studio;
    const before = await canvasGrey(page, 'slider-decoded');
    const slider = page.getByTestId('latent-slider-1');
    await slider.focus();
    for (let i = 0; i < 150; i++) await page.keyboard.press('ArrowLeft');
    await expect
      .poll(async () => meanDifference(before, await canvasGrey(page, 'slider-decoded')), { timeout: 10_000 })
      .toBeGreaterThan(5);
    // Arrow keys on a slider do not undo strokes or clear the drawing.
    expect(await page.getByTestId('stroke-count').textContent()).toBe('1 strokes');
    await studio.screenshot('latent-slider-keyboard');
  });
});

/// <reference lib="dom" />
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawPath, openStudio, type Studio } from './harness';

describe('studio shell in browser mode', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio();
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('reports the backend chosen by the engine', async () => {
    await expect
      .poll(() => studio.page.getByTestId('engine-backend').textContent(), { timeout: 30_000 })
      .toContain('wasm');
  });

  test('draws a stroke with the mouse and shows it on the stage', async () => {
    const { page } = studio;
    const inkBefore = await inkedPixels(studio);
    await drawPath(page, '[data-testid="drawing-stage"]', [
      [100, 100],
      [200, 150],
      [300, 300],
    ]);
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('1 strokes');
    const inkAfter = await inkedPixels(studio);
    expect(inkBefore).toBe(0);
    expect(inkAfter).toBeGreaterThan(500);
    await studio.screenshot('shell-after-stroke');
  });
});

/** Counts dark pixels on the Konva canvas: proof the stroke was painted, not just stored. */
async function inkedPixels(studio: Studio): Promise<number> {
  return studio.page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="drawing-stage"] canvas');
    if (!canvas) return -1;
    const context = canvas.getContext('2d');
    if (!context) return -1;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 128) count++;
    return count;
  });
}

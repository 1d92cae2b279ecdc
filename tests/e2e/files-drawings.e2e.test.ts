/// <reference lib="dom" />
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawPath, openStudio, type Studio } from './harness';

describe('Drawings: save, reopen and export', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ height: 1000 });
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('saves the drawing, clears the canvas and reopens it from the list', async () => {
    const { page } = studio;
    await drawPath(page, '[data-testid="drawing-stage"]', [
      [60, 60],
      [300, 80],
      [320, 300],
    ]);
    await drawPath(page, '[data-testid="drawing-stage"]', [
      [100, 300],
      [200, 350],
    ]);
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('2 strokes');
    await page.getByTestId('drawing-name').fill('zigzag');
    await page.getByTestId('drawing-save').click();
    await expect.poll(() => page.getByTestId('saved-drawings').textContent()).toContain('zigzag');
    await page.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('0 strokes');
    await page.getByTestId('saved-drawings').getByRole('button', { name: 'zigzag', exact: true }).click();
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('2 strokes');
    await studio.screenshot('files-reopened');
  });

  test('exports Quick, Draw! NDJSON that parses, and a PNG of the canvas', async () => {
    const { page } = studio;
    const [ndjson] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ndjson').click()]);
    expect(ndjson.suggestedFilename()).toBe('zigzag.ndjson');
    const text = readFileSync((await ndjson.path())!, 'utf8');
    const line = JSON.parse(text.trim()) as {
      drawing: number[][][];
      key_id: string;
      word: string;
      recognized: boolean;
    };
    expect(Object.keys(line)).toEqual(['word', 'countrycode', 'timestamp', 'recognized', 'key_id', 'drawing']);
    expect(line.drawing).toHaveLength(2);
    for (const [xs, ys] of line.drawing) {
      expect(xs.length).toBe(ys.length);
      for (const v of [...xs, ...ys]) expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
    }
    const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    expect(png.suggestedFilename()).toBe('zigzag.png');
    const bytes = readFileSync((await png.path())!);
    expect([...bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  });
});

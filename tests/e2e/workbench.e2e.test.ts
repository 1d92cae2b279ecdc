/// <reference lib="dom" />
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ensureFixtureModel } from '../helpers/tiny-models';
import { readGif } from './gif-frames';
import { drawPath, FIXTURE_MODEL_ID, openStudio, useModel, type Studio } from './harness';
import { fullyShown, layoutProblems } from './layout-check';
import { canvasGrey, inked, ONE } from './pixels';
import { tempDir } from '../helpers/temp-folder';

const STAGE = '[data-testid="drawing-stage"]';
const LONG_NAME = 'Quick, Draw! cats — VAE, 16-d latent, trained on three thousand drawings';
const LONG_ID = 'user:long-name-vae';

/** The fixture model again under a name far longer than the header has room for. */
function longNamedCopy(fixture: string): string {
  const root = tempDir('long-name');
  const folder = join(root, 'long-name-vae');
  cpSync(fixture, folder, { recursive: true });
  const meta = JSON.parse(readFileSync(join(folder, 'latentdraw.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(folder, 'latentdraw.json'), JSON.stringify({ ...meta, name: LONG_NAME }));
  return folder;
}

describe('the workbench at 1280×800', () => {
  let studio: Studio;
  const cspErrors: string[] = [];
  let longCopy: string;
  beforeAll(async () => {
    const fixture = await ensureFixtureModel();
    longCopy = longNamedCopy(fixture);
    studio = await openStudio({ seedModels: [fixture, longCopy] });
    const { page } = studio;
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) cspErrors.push(message.text());
    });
    // Listened to from the first request on.
    await page.reload();
    await useModel(page, FIXTURE_MODEL_ID);
  }, 900_000);
  afterAll(async () => {
    await studio?.close();
    if (longCopy) rmSync(join(longCopy, '..'), { recursive: true, force: true });
  });

  test('after one stroke no picture is cut off; the latent map is ≥ 400 px and the Explore grid ≥ 480 px', async () => {
    const { page } = studio;
    await drawPath(page, STAGE, ONE);
    await expect
      .poll(async () => inked(await canvasGrey(page, 'reconstruction')), { timeout: 30_000 })
      .toBeGreaterThan(10);
    for (const picture of ['drawing-stage', 'model-input', 'reconstruction']) {
      expect(await fullyShown(page, picture), picture).toBe(true);
    }
    const input = (await page.getByTestId('model-input').boundingBox())!;
    const output = (await page.getByTestId('reconstruction').boundingBox())!;
    expect(input.width).toBe(output.width);
    expect(input.width).toBeGreaterThanOrEqual(140);

    await page.getByRole('tab', { name: 'Latent' }).click();
    await page.getByTestId('latent-map').waitFor({ timeout: 30_000 });
    const map = (await page.getByTestId('latent-map').boundingBox())!;
    expect(map.width).toBeGreaterThanOrEqual(400);
    expect(map.height).toBeGreaterThanOrEqual(400);
    expect(await fullyShown(page, 'latent-map')).toBe(true);
    expect(await fullyShown(page, 'slider-decoded')).toBe(true);

    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByTestId('latent-grid').waitFor({ timeout: 60_000 });
    const grid = (await page.getByTestId('latent-grid').boundingBox())!;
    expect(grid.width).toBeGreaterThanOrEqual(480);
    expect(await fullyShown(page, 'latent-grid')).toBe(true);
    expect(await layoutProblems(page)).toEqual([]);
    await studio.screenshot('workbench-explore-grid');
  });

  test('the status bar shows the backend, the training state and the last reconstruction time', async () => {
    const { page } = studio;
    expect(await page.getByTestId('engine-backend').textContent()).toContain('wasm');
    expect(await page.getByTestId('status-training').textContent()).toContain('no training running');
    expect(await page.getByTestId('status-reconstruction-ms').textContent()).toMatch(/last reconstruction \d+ ms/);
  });

  test('tabs are reached and switched from the keyboard', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Latent' }).click();
    await page.getByRole('tab', { name: 'Latent' }).focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Concepts' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Concepts');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByRole('tab', { name: 'Data' }).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByRole('tab', { name: 'Latent' }).getAttribute('aria-selected')).toBe('true');
    // Only the selected tab is in the Tab order.
    expect(await page.locator('[role="tab"][tabindex="0"]').count()).toBe(1);
  });

  test('every view explains itself, with the maths behind a toggle', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Train' }).click();
    expect(await page.getByTestId('intro-train').textContent()).toContain('watch it learn');
    await page.getByTestId('hood-train').click();
    expect(await page.getByTestId('hood-train').getAttribute('aria-expanded')).toBe('true');
    expect(await page.getByTestId('intro-train').textContent()).toContain('β trades the two');
    await page.getByTestId('hood-train').click();
    expect(await page.getByTestId('intro-train').textContent()).not.toContain('β trades the two');
    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByTestId('hood-grid').click();
    expect(await page.getByTestId('intro-grid').textContent()).toContain('quantile grid');
  });

  test('the Train form offers the engine’s backends: the best available one chosen, the others disabled with why', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Train' }).click();
    const select = page.getByTestId('train-backend');
    await expect.poll(() => select.locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(0);
    const options = await select.locator('option').evaluateAll((list) =>
      list.map((o) => ({
        value: (o as HTMLOptionElement).value,
        disabled: (o as HTMLOptionElement).disabled,
        text: o.textContent ?? '',
      })),
    );
    expect(await select.inputValue()).toBe(options.find((o) => !o.disabled)?.value);
    for (const o of options.filter((x) => x.disabled)) expect(o.text).toContain('unavailable');
  });

  test('the split is dragged wider and remembered after a reload', async () => {
    const { page } = studio;
    const side = page.getByTestId('drawing-side');
    const before = (await side.boundingBox())!.width;
    const handle = (await page.getByTestId('splitter').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x - 120, handle.y + handle.height / 2, { steps: 5 });
    await page.mouse.up();
    const after = (await side.boundingBox())!.width;
    expect(after).toBeLessThan(before - 100);
    await page.reload();
    await side.waitFor();
    await expect.poll(async () => (await side.boundingBox())!.width).toBe(after);
    // The keyboard moves it too.
    await page.getByTestId('splitter').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(async () => (await side.boundingBox())!.width).toBeGreaterThan(after);
    await page.getByTestId('splitter').dblclick();
    await expect.poll(async () => (await side.boundingBox())!.width).toBe(before);
  });

  test('a long model name is ellipsised at a glyph, with the full name in a tooltip', async () => {
    const { page } = studio;
    await useModel(page, LONG_ID);
    const shown = page.getByTestId('model-name');
    expect(await shown.textContent()).toBe(LONG_NAME);
    const style = await shown.evaluate((el) => {
      const s = getComputedStyle(el);
      return { overflow: s.textOverflow, wrap: s.whiteSpace, cut: el.scrollWidth > el.clientWidth };
    });
    expect(style).toEqual({ overflow: 'ellipsis', wrap: 'nowrap', cut: true });
    expect(await page.locator('.choice').getAttribute('title')).toContain(LONG_NAME);
    await studio.screenshot('workbench-long-model-name');
    // The header holds on one line: the reload button does not wrap under it.
    const header = (await page.locator('header').boundingBox())!;
    const reload = (await page.getByRole('button', { name: 'Look for new models' }).boundingBox())!;
    expect(reload.y + reload.height).toBeLessThanOrEqual(header.y + header.height);
    expect(header.height).toBeLessThan(60);
    await useModel(page, FIXTURE_MODEL_ID);
  });

  test('an interpolation exports as an animated GIF with one frame per step', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Explore' }).click();
    await page.getByTestId('explore-view-path').click();
    await page.getByTestId('path-steps').fill('7');
    await page.getByTestId('path-run').click();
    await expect.poll(() => page.getByTestId('path-frame-number').textContent(), { timeout: 30_000 }).toBe('1 / 7');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('path-export-gif').click()]);
    expect(download.suggestedFilename()).toMatch(/^interpolation-mnist-vae-fixture-linear-7steps-.+\.gif$/);
    const gif = readGif(readFileSync((await download.path())!));
    expect(gif.frames).toHaveLength(7);
    expect(gif.width).toBe(28 * 6);
    expect(gif.loops).toBe(true);
  });

  test('a slider sweep exports as an animated GIF named after the model and the axis', async () => {
    const { page } = studio;
    await page.getByRole('tab', { name: 'Latent' }).click();
    // The sweep starts from the drawing's code (the reload above cleared the canvas).
    await drawPath(page, STAGE, ONE);
    await page.getByTestId('sweep-axis').waitFor({ timeout: 30_000 });
    await page.getByTestId('sweep-axis').selectOption('1');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 60_000 }),
      page.getByTestId('sweep-export-gif').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sweep-mnist-vae-fixture-z1-.+to.+-24f\.gif$/);
    const gif = readGif(readFileSync((await download.path())!));
    expect(gif.frames).toHaveLength(24);
  });

  test('no Content Security Policy errors', () => {
    expect(cspErrors).toEqual([]);
  });
});

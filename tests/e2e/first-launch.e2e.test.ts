import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { drawPath, openStudio, type Studio } from './harness';
import { canvasGrey, inked } from './pixels';

const SHIPPED = 'resources/models/mnist-digits/latentdraw.json';

describe.skipIf(!existsSync(SHIPPED))('first launch with the shipped models', () => {
  let studio: Studio;
  beforeAll(async () => {
    studio = await openStudio({ shippedModels: true });
  });
  afterAll(async () => {
    await studio?.close();
  });

  test('opens with the default digit model loaded and an empty canvas with a hint', async () => {
    const { page } = studio;
    await expect.poll(() => page.getByTestId('engine-backend').textContent(), { timeout: 60_000 }).toContain('ready');
    await expect
      .poll(() => page.locator('select').first().inputValue(), { timeout: 30_000 })
      .toBe('shipped:mnist-digits');
    await expect(page.getByTestId('stroke-count').textContent()).resolves.toBe('0 strokes');
    await studio.screenshot('first-launch-empty');
  });

  test('drawing a digit shows a digit-like reconstruction', async () => {
    const { page } = studio;
    // A "7": a bar and a diagonal.
    await drawPath(page, '[data-testid="drawing-stage"]', [
      [90, 90],
      [270, 90],
      [170, 330],
    ]);
    await expect
      .poll(async () => inked(await canvasGrey(page, 'reconstruction')), { timeout: 30_000 })
      .toBeGreaterThan(20);
    await studio.screenshot('first-launch-seven');
  });

  test('the engine killed mid-session is restarted, the person is told, and the drawing stays', async () => {
    const { page, mode } = studio;
    const pid = mode.supervisor.pid!;
    process.kill(pid, 'SIGKILL');
    await expect.poll(() => page.getByTestId('engine-notice').isVisible(), { timeout: 60_000 }).toBe(true);
    await expect(page.getByTestId('engine-notice').textContent()).resolves.toContain(
      'killed by SIGKILL) and was restarted',
    );
    await expect.poll(() => page.getByTestId('engine-backend').textContent(), { timeout: 60_000 }).toContain('ready');
    expect(mode.supervisor.pid).not.toBe(pid);
    await expect(page.getByTestId('stroke-count').textContent()).resolves.toBe('1 strokes');
    await drawPath(page, '[data-testid="drawing-stage"]', [
      [120, 200],
      [240, 200],
    ]);
    await expect.poll(() => page.getByTestId('stroke-count').textContent()).toBe('2 strokes');
    await studio.screenshot('engine-restarted');
  });

  test('the About box lists the backend and the data credits', async () => {
    const { page } = studio;
    await page.getByTestId('about-open').click();
    const about = page.getByTestId('about-dialog');
    await expect(about.textContent()).resolves.toContain('CC BY 4.0');
    await expect(page.getByTestId('about-backend').textContent()).resolves.toBe('wasm');
    await studio.screenshot('about');
    await page.getByRole('button', { name: 'Close' }).click();
  });
});

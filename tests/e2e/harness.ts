import { cpSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../src/cli/browser-mode';
import { ensureFixtureModel, FIXTURE_NAME } from '../helpers/tiny-models';
import { tempDir } from '../helpers/temp-folder';

export const CHROMIUM = process.env.LATENTDRAW_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Studio {
  mode: BrowserMode;
  browser: Browser;
  page: Page;
  dataHome: string;
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /**
   * Model folders copied into the data home's models/ before the studio starts; `true` seeds the
   * MNIST VAE test fixture (trained on first use, then cached), which appears as
   * `user:mnist-vae-fixture`.
   */
  seedModels?: boolean | string[];
  /**
   * Start with the models the app ships in resources/models, as a first launch does. Off by
   * default, so a test sees exactly the models it seeds (the sample data is always there).
   */
  shippedModels?: boolean;
}

/** A resources folder with the app's sample data but none of its shipped models. */
function resourcesWithoutModels(): string {
  const dir = tempDir('resources');
  cpSync(resolve('resources/data'), join(dir, 'data'), { recursive: true });
  return dir;
}

/** The model id the fixture gets when seeded. */
export const FIXTURE_MODEL_ID = `user:${FIXTURE_NAME}`;

async function seed(dataHome: string, seedModels: OpenOptions['seedModels']): Promise<void> {
  if (!seedModels) return;
  const folders = seedModels === true ? [await ensureFixtureModel()] : seedModels;
  for (const folder of folders) {
    const name = folder.split(/[\\/]/).filter(Boolean).pop() ?? 'model';
    cpSync(folder, join(dataHome, 'models', name), { recursive: true });
  }
}

/** Browser mode on a fresh data folder, and Debian's Chromium pointed at it. */
export async function openStudio(options: OpenOptions = {}): Promise<Studio> {
  const dataHome = tempDir('e2e');
  await seed(dataHome, options.seedModels);
  const resourcesDir = options.shippedModels ? undefined : resourcesWithoutModels();
  const mode = await startBrowserMode({ dataHome, resourcesDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(mode.server.url);
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    mode,
    browser,
    page,
    dataHome,
    async screenshot(name) {
      const path = join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    async close() {
      await browser.close();
      await mode.close();
      rmSync(dataHome, { recursive: true, force: true });
      if (resourcesDir) rmSync(resourcesDir, { recursive: true, force: true });
      if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    },
  };
}

/** Drags the mouse through points given in the element's own coordinates. */
export async function drawPath(page: Page, selector: string, points: Array<[number, number]>): Promise<void> {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const [first, ...rest] = points;
  await page.mouse.move(box.x + first[0], box.y + first[1]);
  await page.mouse.down();
  for (const [x, y] of rest) await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
  await page.mouse.up();
}

/**
 * Picks `modelId` in the header once the engine has listed it (shipped models, when present,
 * are what a first launch selects), then waits until the picker shows it.
 */
export async function useModel(page: Page, modelId: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (id) => !!document.querySelector(`[data-testid="model-select"] option[value="${id}"]`),
    modelId,
    { timeout },
  );
  await page.getByTestId('model-select').selectOption(modelId);
  await waitForModel(page, modelId, timeout);
}

/** Waits until the model picker has selected `modelId` (usable in hooks, unlike expect.poll). */
export async function waitForModel(page: Page, modelId: string, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (id) => document.querySelector<HTMLSelectElement>('[data-testid="model-select"]')?.value === id,
    modelId,
    { timeout },
  );
}

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startBrowserMode, type BrowserMode } from '../../src/cli/browser-mode';

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

/** Browser mode on a fresh data folder, and Debian's Chromium pointed at it. */
export async function openStudio(options: { width?: number; height?: number } = {}): Promise<Studio> {
  const dataHome = mkdtempSync(join(tmpdir(), 'latentdraw-e2e-'));
  const mode = await startBrowserMode({ dataHome });
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

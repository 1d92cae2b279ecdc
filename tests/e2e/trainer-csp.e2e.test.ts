/**
 * The trainer page under its own Content-Security-Policy, in Debian's Chromium: tfjs compiles
 * WebAssembly there, so its policy allows that (and nothing more), and loading it logs no
 * refusal; the studio page keeps refusing WebAssembly. Served by browser mode, whose headers
 * come from the same policies as Electron's. Needs `npm run build` and Chromium.
 */
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startBrowserMode, type BrowserMode } from '../../src/cli/browser-mode';
import { CONTENT_SECURITY_POLICY, TRAINER_CONTENT_SECURITY_POLICY } from '../../src/shared/csp';
import { rmSync } from 'node:fs';
import { tempDir } from '../helpers/temp-folder';
import { CHROMIUM } from './harness';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'];

let mode: BrowserMode;
let browser: Browser;
let dataHome: string;

/** Compiles the smallest WebAssembly module in the page: 'compiled', or the refusal. */
const compileWasm = () => {
  try {
    new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
    return 'compiled';
  } catch (error) {
    return String(error);
  }
};

beforeAll(async () => {
  dataHome = tempDir('trainer-csp');
  mode = await startBrowserMode({ dataHome });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await mode?.close();
  if (dataHome) rmSync(dataHome, { recursive: true, force: true });
});

describe('the trainer page’s Content-Security-Policy', () => {
  test('lets tfjs compile WebAssembly on the trainer page, refused nothing while it loads, and nowhere else', async () => {
    const page = await browser.newPage();
    // The studio page sets the cookie the trainer page's request then carries.
    const studio = await page.goto(mode.server.url);
    expect(studio?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(await page.evaluate(compileWasm)).toMatch(/CompileError.*(Content Security Policy|wasm-unsafe-eval)/);

    // Every directive the page breaks while tfjs loads (Chromium throws at the call without
    // always logging it), recorded before any of its scripts runs.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { violations: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
    });
    // Errors and refused requests, each request named by its address (the console line
    // for a 404 names none).
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => errors.push(`${request.failure()?.errorText} ${request.url()}`));
    const trainer = await page.goto(new URL('/trainer/index.html', mode.server.url).href);
    expect(trainer?.headers()['content-security-policy']).toBe(TRAINER_CONTENT_SECURITY_POLICY);
    await page.waitForFunction(() => document.title === 'LatentDraw trainer (ready)');
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(await page.evaluate(compileWasm)).toBe('compiled');
    expect(errors).toEqual([]);
    await page.close();
  });
});

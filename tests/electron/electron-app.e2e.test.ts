/// <reference lib="dom" />
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { USER_DATA_ENV } from '../../src/main/user-data';
// @ts-expect-error plain JavaScript helper shared with scripts/start.mjs
import { electronBinary } from '../../scripts/electron-binary.mjs';
import { tempDir } from '../helpers/temp-folder';

// As `npm start` does: the package's binary, downloaded first where it can be.
const binary = (await electronBinary({
  onDownload: (version: string) => console.log(`Electron e2e: downloading Electron ${version}'s binary`),
})) as { path: string } | { missing: string };
const reason = 'missing' in binary ? binary.missing : '';
if (reason) console.warn(`Electron e2e skipped: ${reason}`);

describe.skipIf(Boolean(reason))(`the Electron app${reason ? ` (skipped: ${reason})` : ''}`, () => {
  test('opens the hardened window from its own protocol and reaches the engine over IPC', async () => {
    // Its own profile: the person's real one stays untouched, and an open LatentDraw's
    // single-instance lock does not make this instance quit.
    const profile = tempDir('electron-e2e');
    const app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: ['.'],
      env: { ...process.env, [USER_DATA_ENV]: profile },
    });
    try {
      expect(await app.evaluate(({ app: main }) => main.getPath('userData'))).toBe(profile);
      const window = await app.firstWindow();
      expect(window.url()).toBe('latentdraw://app/index.html');
      await expect
        .poll(() => window.getByTestId('engine-backend').textContent(), { timeout: 60_000 })
        .toContain('engine ready');
      const exposed = await window.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        studio: typeof (window as unknown as { studio?: unknown }).studio,
        secure: globalThis.isSecureContext,
      }));
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', studio: 'object', secure: true });
      // The protocol serves nothing from outside the renderer folder (here: the main bundle).
      const outside = await window.evaluate(async () => (await fetch('%2e%2e%2fmain%2findex.js')).status);
      expect(outside).toBe(404);
      expect(existsSync(profile) && readdirSync(profile).length).toBeGreaterThan(0);
    } finally {
      await app.close();
      rmSync(profile, { recursive: true, force: true });
    }
  });
});

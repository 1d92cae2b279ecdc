/// <reference lib="dom" />
import { describe, expect, test } from 'vitest';
import { _electron as electron } from 'playwright-core';
// @ts-expect-error plain JavaScript helper shared with scripts/start.mjs
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

const binary = findElectronBinary() as { path: string } | { missing: string };
const reason = 'missing' in binary ? binary.missing : '';
if (reason) console.warn(`Electron e2e skipped: ${reason}`);

describe.skipIf(Boolean(reason))(`the Electron app${reason ? ` (skipped: ${reason})` : ''}`, () => {
  test('opens the hardened window and reaches the engine over IPC', async () => {
    const app = await electron.launch({ executablePath: (binary as { path: string }).path, args: ['.'] });
    try {
      const window = await app.firstWindow();
      await expect.poll(() => window.getByTestId('engine-backend').textContent(), { timeout: 60_000 }).toContain('engine ready');
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const contents = BrowserWindow.getAllWindows()[0].webContents;
        return contents.getLastWebPreferences();
      });
      expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    } finally {
      await app.close();
    }
  });
});

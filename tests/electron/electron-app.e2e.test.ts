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
      await expect
        .poll(() => window.getByTestId('engine-backend').textContent(), { timeout: 60_000 })
        .toContain('engine ready');
      const exposed = await window.evaluate(() => ({
        require: typeof (window as unknown as { require?: unknown }).require,
        process: typeof (window as unknown as { process?: unknown }).process,
        studio: typeof (window as unknown as { studio?: unknown }).studio,
      }));
      expect(exposed).toEqual({ require: 'undefined', process: 'undefined', studio: 'object' });
    } finally {
      await app.close();
    }
  });
});

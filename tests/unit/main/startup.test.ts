import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { USER_DATA_ENV, userDataOverride } from '../../../src/main/user-data';

/** What src/main/index.ts asks of Electron at import time, in order. */
const electron = vi.hoisted(() => ({
  calls: [] as string[],
  lock: true,
  /** Whether app.whenReady() resolves; by default it never does, to look only at what comes before. */
  ready: false,
}));

vi.mock('electron', () => {
  const log =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      electron.calls.push(`${name}(${args.filter((a) => typeof a === 'string' || typeof a === 'number').join(', ')})`);
      return result;
    };
  return {
    app: {
      isPackaged: false,
      setPath: log('app.setPath'),
      requestSingleInstanceLock: (...args: unknown[]) => {
        log('app.requestSingleInstanceLock')(...args);
        return electron.lock;
      },
      quit: log('app.quit'),
      exit: log('app.exit'),
      getPath: () => '/tmp/latentdraw-profile',
      on: log('app.on'),
      whenReady: (...args: unknown[]) => {
        log('app.whenReady')(...args);
        return electron.ready ? Promise.resolve() : new Promise(() => undefined);
      },
    },
    protocol: {
      registerSchemesAsPrivileged: log('protocol.registerSchemesAsPrivileged'),
      handle: log('protocol.handle'),
    },
    utilityProcess: { fork: log('utilityProcess.fork') },
    BrowserWindow: class {},
    dialog: { showErrorBox: log('dialog.showErrorBox') },
    ipcMain: { handle: log('ipcMain.handle') },
    session: {},
    shell: {},
  };
});

async function startMain(env: Record<string, string | undefined>) {
  vi.resetModules();
  electron.calls.length = 0;
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  await import('../../../src/main/index');
  return electron.calls;
}

describe('main process startup', () => {
  beforeEach(() => {
    electron.lock = true;
    electron.ready = false;
  });
  afterEach(() => vi.unstubAllEnvs());

  test('a second launch quits without starting anything: no ready handlers, engine or window', async () => {
    electron.lock = false;
    const calls = await startMain({ [USER_DATA_ENV]: undefined });
    expect(calls).toEqual(['protocol.registerSchemesAsPrivileged()', 'app.requestSingleInstanceLock()', 'app.quit()']);
  });

  test('the first launch starts the studio once the app is ready', async () => {
    const calls = await startMain({ [USER_DATA_ENV]: undefined });
    expect(calls.slice(0, 2)).toEqual(['protocol.registerSchemesAsPrivileged()', 'app.requestSingleInstanceLock()']);
    expect(calls).toContain('app.on(second-instance)');
    expect(calls).toContain('app.whenReady()');
    expect(calls).not.toContain('app.quit()');
    // The engine and the protocol handler wait for ready.
    expect(calls.filter((c) => c.startsWith('utilityProcess') || c.startsWith('protocol.handle'))).toEqual([]);
  });

  test(`${USER_DATA_ENV} moves the profile, and with it the single-instance lock, before the lock is taken`, async () => {
    const folder = join('/tmp', 'latentdraw e2e #1');
    const calls = await startMain({ [USER_DATA_ENV]: folder });
    expect(calls[0]).toBe(`app.setPath(userData, ${folder})`);
    expect(calls.indexOf(`app.setPath(userData, ${folder})`)).toBeLessThan(
      calls.indexOf('app.requestSingleInstanceLock()'),
    );
  });

  test('a failure while starting is shown to the person and ends the app with an error', async () => {
    electron.ready = true;
    // The mocked session has no defaultSession, so hardening it throws once the app is ready.
    const calls = await startMain({ [USER_DATA_ENV]: undefined });
    const { STARTUP_ERRORS } = await import('../../../src/main/index');
    await vi.waitFor(() => expect(calls).toContain('app.exit(1)'));
    expect(calls.filter((c) => c.startsWith(`dialog.showErrorBox(${STARTUP_ERRORS.failed}, `))).toHaveLength(1);
    expect(calls.filter((c) => c.startsWith('utilityProcess'))).toEqual([]);
  });

  test(`${USER_DATA_ENV} is made absolute and ignored when empty`, () => {
    expect(userDataOverride({ [USER_DATA_ENV]: 'profiles/test' }, '/work')).toBe(resolve('/work', 'profiles/test'));
    expect(userDataOverride({ [USER_DATA_ENV]: '/tmp/x' }, '/work')).toBe(resolve('/tmp/x'));
    expect(userDataOverride({ [USER_DATA_ENV]: '  ' })).toBeUndefined();
    expect(userDataOverride({})).toBeUndefined();
  });
});

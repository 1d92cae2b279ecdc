import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { GPU_SWITCH_ERRORS } from '../../../src/host/gpu-switch';
import { GPU_PREFERENCE_FILE } from '../../../src/main/gpu-preference';
import { DEV_SERVER_ENV } from '../../../src/main/page-url';
import { USER_DATA_ENV, USER_DATA_ERRORS, userDataOverride } from '../../../src/main/user-data';
import { tempFolder } from '../../helpers/temp-folder';

type IpcHandler = (event: unknown, payload: unknown) => Promise<unknown>;

/** What src/main/index.ts asks of Electron, in order, and what it made. */
const electron = vi.hoisted(() => ({
  calls: [] as string[],
  lock: true,
  /** Whether app.whenReady() resolves; by default it never does, to look only at what comes before. */
  ready: false,
  isPackaged: false,
  profile: '/tmp/latentdraw-profile',
  /** session.defaultSession: absent by default, so hardening it throws once the app is ready. */
  defaultSession: undefined as unknown,
  windows: [] as Array<{ url?: string; webContents: object }>,
  handlers: new Map<string, IpcHandler>(),
}));

vi.mock('electron', () => {
  const log =
    (name: string, result?: unknown) =>
    (...args: unknown[]) => {
      electron.calls.push(`${name}(${args.filter((a) => typeof a === 'string' || typeof a === 'number').join(', ')})`);
      return result;
    };
  class BrowserWindow {
    webContents = { send: () => undefined, setWindowOpenHandler: () => undefined, on: () => undefined };
    record: (typeof electron.windows)[number] = { webContents: this.webContents };
    constructor() {
      electron.windows.push(this.record);
    }
    once() {}
    on() {}
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      get isPackaged() {
        return electron.isPackaged;
      },
      setPath: log('app.setPath'),
      requestSingleInstanceLock: (...args: unknown[]) => {
        log('app.requestSingleInstanceLock')(...args);
        return electron.lock;
      },
      commandLine: { appendSwitch: log('app.commandLine.appendSwitch') },
      relaunch: log('app.relaunch'),
      quit: log('app.quit'),
      exit: log('app.exit'),
      getPath: () => electron.profile,
      getVersion: () => '0.0.0-test',
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
    // An engine that never answers: these tests look at main alone.
    utilityProcess: {
      fork: (...args: unknown[]) => {
        log('utilityProcess.fork')(...args);
        return { pid: 1, postMessage: () => undefined, on: () => undefined, kill: () => undefined };
      },
    },
    BrowserWindow,
    MessageChannelMain: class {},
    dialog: { showErrorBox: log('dialog.showErrorBox') },
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => {
        log('ipcMain.handle')(channel);
        electron.handlers.set(channel, handler);
      },
    },
    session: {
      get defaultSession() {
        return electron.defaultSession;
      },
    },
    shell: {},
  };
});

async function startMain(env: Record<string, string | undefined>) {
  vi.resetModules();
  electron.calls.length = 0;
  electron.windows.length = 0;
  electron.handlers.clear();
  for (const [key, value] of Object.entries({ [DEV_SERVER_ENV]: undefined, APPIMAGE: undefined, ...env }))
    vi.stubEnv(key, value);
  await import('../../../src/main/index');
  return electron.calls;
}

const readySession = {
  setPermissionRequestHandler: () => undefined,
  setPermissionCheckHandler: () => undefined,
  webRequest: { onHeadersReceived: () => undefined },
};

/** Starts main up to its window and returns a caller of its IPC channels as the window's page. */
async function startStudioWindow(env: Record<string, string | undefined> = {}) {
  electron.ready = true;
  electron.defaultSession = readySession;
  await startMain({ [USER_DATA_ENV]: undefined, ...env });
  await vi.waitFor(() => expect(electron.windows).toHaveLength(1));
  const window = electron.windows[0];
  return {
    window,
    /** Answers `channel` as the IPC gate answers the page at `pageUrl` (default: the one it loaded). */
    ask: async (channel: string, payload: unknown, pageUrl = window.url) =>
      electron.handlers.get(channel)!({ sender: window.webContents, senderFrame: { url: pageUrl } }, payload),
  };
}

const folders = tempFolder('startup');
afterAll(() => folders.remove());
const platform = process.platform;
function onPlatform(name: NodeJS.Platform): void {
  Object.defineProperty(process, 'platform', { value: name, configurable: true });
}

describe('main process startup', () => {
  beforeEach(() => {
    electron.lock = true;
    electron.ready = false;
    electron.isPackaged = false;
    electron.profile = '/tmp/latentdraw-profile';
    electron.defaultSession = undefined;
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    onPlatform(platform);
    delete (process as { resourcesPath?: string }).resourcesPath;
  });

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
    const folder = join(folders.dir, 'latentdraw e2e #1');
    mkdirSync(folder);
    const calls = await startMain({ [USER_DATA_ENV]: folder });
    expect(calls[0]).toBe(`app.setPath(userData, ${folder})`);
    expect(calls.indexOf(`app.setPath(userData, ${folder})`)).toBeLessThan(
      calls.indexOf('app.requestSingleInstanceLock()'),
    );
  });

  test(`a ${USER_DATA_ENV} folder that does not exist yet is made before app.setPath, which needs it`, async () => {
    const folder = join(folders.dir, 'new', 'profile');
    const calls = await startMain({ [USER_DATA_ENV]: folder });
    expect(existsSync(folder)).toBe(true);
    expect(calls[0]).toBe(`app.setPath(userData, ${folder})`);
    expect(calls).toContain('app.requestSingleInstanceLock()');
  });

  test(`a ${USER_DATA_ENV} that cannot be a folder ends the app with a message naming it, before anything starts`, async () => {
    const inTheWay = folders.file('a-file', 'not a folder');
    for (const folder of [inTheWay, join(inTheWay, 'profile')]) {
      const calls = await startMain({ [USER_DATA_ENV]: folder });
      expect(calls).toEqual([
        `dialog.showErrorBox(LatentDraw could not start, ${USER_DATA_ERRORS.unusable(folder, 'a file is in the way')})`,
        'app.exit(1)',
      ]);
    }
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

  test(`${DEV_SERVER_ENV} is the page only of an unpacked app: a packed one loads its own and trusts only that`, async () => {
    const devServer = 'http://127.0.0.1:5173/';
    const unpacked = await startStudioWindow({ [DEV_SERVER_ENV]: devServer });
    expect(unpacked.window.url).toBe(devServer);

    electron.isPackaged = true;
    // Electron sets it in a packed app: the resources beside app.asar.
    Object.defineProperty(process, 'resourcesPath', { value: '/opt/LatentDraw/resources', configurable: true });
    const packed = await startStudioWindow({ [DEV_SERVER_ENV]: devServer });
    expect(packed.window.url).toBe('latentdraw://app/index.html');
    expect(await packed.ask('app:info', {}, devServer)).toMatchObject({
      ok: false,
      error: { code: 'untrusted-sender' },
    });
    expect(await packed.ask('app:info', {})).toMatchObject({ ok: true, value: { host: 'electron' } });
  });
});

describe('the GPU training switch in the desktop app', () => {
  beforeEach(() => {
    electron.lock = true;
    electron.isPackaged = false;
    electron.profile = join(folders.dir, `profile-${Math.random().toString(36).slice(2)}`);
    mkdirSync(electron.profile);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    onPlatform(platform);
  });

  const switches = (calls: string[]) => calls.filter((c) => c.startsWith('app.commandLine.appendSwitch'));

  test('on Linux it is offered; turning it on stores it and restarts into a launch with the WebGPU switches', async () => {
    onPlatform('linux');
    const off = await startStudioWindow();
    expect(switches(electron.calls)).toEqual([]);
    expect(await off.ask('training:gpu-switch', {})).toEqual({
      ok: true,
      value: { offered: true, on: false, restarting: false },
    });

    electron.calls.length = 0;
    expect(await off.ask('training:set-gpu-switch', { on: true })).toEqual({
      ok: true,
      value: { offered: true, on: true, restarting: true },
    });
    expect(existsSync(join(electron.profile, GPU_PREFERENCE_FILE))).toBe(true);
    expect(electron.calls).toEqual(['app.relaunch()', 'app.quit()']);
    // A second click while the app closes starts no second instance.
    await off.ask('training:set-gpu-switch', { on: false });
    expect(electron.calls).toEqual(['app.relaunch()', 'app.quit()']);

    // The relaunched app passes the switches before it is ready, and says the switch is on.
    const on = await startStudioWindow();
    expect(switches(electron.calls)).toEqual([
      'app.commandLine.appendSwitch(enable-unsafe-webgpu)',
      'app.commandLine.appendSwitch(enable-features, Vulkan)',
    ]);
    expect(electron.calls.indexOf(switches(electron.calls)[0])).toBeLessThan(electron.calls.indexOf('app.whenReady()'));
    expect(await on.ask('training:gpu-switch', {})).toMatchObject({ ok: true, value: { on: true } });

    // And back: off is stored, and the next launch has no switches.
    electron.calls.length = 0;
    expect(await on.ask('training:set-gpu-switch', { on: false })).toMatchObject({
      ok: true,
      value: { on: false, restarting: true },
    });
    expect(electron.calls).toEqual(['app.relaunch()', 'app.quit()']);
    expect(existsSync(join(electron.profile, GPU_PREFERENCE_FILE))).toBe(false);
    await startStudioWindow();
    expect(switches(electron.calls)).toEqual([]);
  });

  test('asking for the state this launch already has restarts nothing', async () => {
    onPlatform('linux');
    const studio = await startStudioWindow();
    electron.calls.length = 0;
    expect(await studio.ask('training:set-gpu-switch', { on: false })).toMatchObject({
      ok: true,
      value: { on: false, restarting: false },
    });
    expect(electron.calls).toEqual([]);
  });

  test('a choice that cannot be stored is reported with its path, and the app keeps running', async () => {
    onPlatform('linux');
    const studio = await startStudioWindow();
    mkdirSync(join(electron.profile, GPU_PREFERENCE_FILE));
    electron.calls.length = 0;
    const answer = (await studio.ask('training:set-gpu-switch', { on: true })) as {
      ok: boolean;
      error: { message: string };
    };
    expect(answer.ok).toBe(false);
    expect(answer.error.message).toContain(join(electron.profile, GPU_PREFERENCE_FILE));
    expect(electron.calls).toEqual([]);
  });

  test('where WebGPU needs no switches it is not offered, and setting it is refused', async () => {
    onPlatform('darwin');
    writeFileSync(join(electron.profile, GPU_PREFERENCE_FILE), '{}');
    const studio = await startStudioWindow();
    expect(switches(electron.calls)).toEqual([]);
    expect(await studio.ask('training:gpu-switch', {})).toEqual({
      ok: true,
      value: { offered: false, on: false, restarting: false },
    });
    electron.calls.length = 0;
    expect(await studio.ask('training:set-gpu-switch', { on: true })).toMatchObject({
      ok: false,
      error: { message: GPU_SWITCH_ERRORS.notOffered },
    });
    expect(electron.calls).toEqual([]);
  });
});

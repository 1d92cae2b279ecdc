import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { BrowserWindow, MessageChannelMain } from 'electron';

const constructed: Array<{ show?: boolean; webPreferences?: Record<string, unknown> }> = [];
vi.mock('electron', () => ({
  shell: { openExternal: vi.fn() },
  BrowserWindow: class {
    constructor(options: (typeof constructed)[number]) {
      constructed.push(options);
    }
  },
}));

const { createTrainerWindow, gpuSwitches, TRAINER_PORT_CHANNEL, TRAINER_WINDOW_ERRORS, TrainerWindow } =
  await import('../../../src/main/trainer-window');

interface FakeWindow {
  loaded: string[];
  posted: Array<{ channel: string; ports: unknown[] }>;
  destroyed: boolean;
  handlers: Record<string, () => void>;
  /** webContents' own events, as Electron emits them (render-process-gone, …). */
  contentsHandlers: Record<string, (...args: unknown[]) => void>;
}

let windows: FakeWindow[];
let failLoad: boolean;

function fakeWindow(): BrowserWindow {
  const record: FakeWindow = {
    loaded: [],
    posted: [],
    destroyed: false,
    handlers: {},
    contentsHandlers: {},
  };
  windows.push(record);
  return {
    webContents: {
      postMessage: (channel: string, _message: unknown, ports: unknown[]) => record.posted.push({ channel, ports }),
      setWindowOpenHandler: vi.fn(),
      on: (event: string, handler: (...args: unknown[]) => void) => (record.contentsHandlers[event] = handler),
    },
    loadURL: (url: string) => {
      record.loaded.push(url);
      return failLoad ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve();
    },
    on: (event: string, handler: () => void) => (record.handlers[event] = handler),
    isDestroyed: () => record.destroyed,
    destroy: () => {
      record.destroyed = true;
      record.handlers.closed?.();
    },
  } as unknown as BrowserWindow;
}

let channels = 0;
const newChannel = () => {
  channels += 1;
  return {
    port1: { name: `engine-${channels}` },
    port2: { name: `window-${channels}` },
  } as unknown as MessageChannelMain;
};

describe('the GPU trainer window', () => {
  beforeEach(() => {
    windows = [];
    failLoad = false;
    channels = 0;
  });

  test('is hidden, isolated, sandboxed, without Node, and not throttled while hidden', () => {
    createTrainerWindow('/app/out/preload/trainer.cjs');
    const options = constructed[0];
    expect(options.show).toBe(false);
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/trainer.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      backgroundThrottling: false,
    });
  });

  test('opens once, then hands the page one end of a new channel per run and the engine the other', async () => {
    const trainer = new TrainerWindow({
      createWindow: fakeWindow,
      newChannel,
      pageUrl: 'latentdraw://app/trainer/index.html',
    });
    const first = await trainer.port();
    const second = await trainer.port();
    expect(windows).toHaveLength(1);
    expect(windows[0].loaded).toEqual(['latentdraw://app/trainer/index.html']);
    expect(first).toEqual({ name: 'engine-1' });
    expect(second).toEqual({ name: 'engine-2' });
    expect(windows[0].posted).toEqual([
      { channel: TRAINER_PORT_CHANNEL, ports: [{ name: 'window-1' }] },
      { channel: TRAINER_PORT_CHANNEL, ports: [{ name: 'window-2' }] },
    ]);
  });

  test('after close (an engine restart) the next run gets a fresh window', async () => {
    const trainer = new TrainerWindow({
      createWindow: fakeWindow,
      newChannel,
      pageUrl: 'latentdraw://app/trainer/index.html',
    });
    await trainer.port();
    trainer.close();
    expect(windows[0].destroyed).toBe(true);
    await trainer.port();
    expect(windows).toHaveLength(2);
  });

  test('a page that does not load is a clear error, and the next run tries again', async () => {
    const trainer = new TrainerWindow({
      createWindow: fakeWindow,
      newChannel,
      pageUrl: 'latentdraw://app/trainer/index.html',
    });
    failLoad = true;
    await expect(trainer.port()).rejects.toThrow(TRAINER_WINDOW_ERRORS.loadFailed('ERR_FILE_NOT_FOUND'));
    failLoad = false;
    await expect(trainer.port()).resolves.toEqual({ name: 'engine-1' });
    expect(windows).toHaveLength(2);
  });
});

/** What Electron emits when a page's renderer dies: an event and RenderProcessGoneDetails. */
function rendererGone(window: FakeWindow, reason: string, exitCode = 9): void {
  window.contentsHandlers['render-process-gone']({ preventDefault() {} }, { reason, exitCode });
}

describe('the GPU trainer window after its renderer dies', () => {
  const newTrainer = () =>
    new TrainerWindow({ createWindow: fakeWindow, newChannel, pageUrl: 'latentdraw://app/trainer/index.html' });

  beforeEach(() => {
    windows = [];
    failLoad = false;
    channels = 0;
  });

  test('says why to its crash listeners, lets the dead window go, and opens a fresh one for the next port', async () => {
    const trainer = newTrainer();
    const reasons: string[] = [];
    trainer.onCrash((reason) => reasons.push(reason));
    await trainer.port();
    rendererGone(windows[0], 'oom');
    expect(reasons).toEqual(['oom']);
    expect(windows[0].destroyed).toBe(true);
    const next = await trainer.port();
    expect(windows).toHaveLength(2);
    expect(windows[1].loaded).toEqual(['latentdraw://app/trainer/index.html']);
    expect(windows[1].posted).toEqual([{ channel: TRAINER_PORT_CHANNEL, ports: [{ name: 'window-2' }] }]);
    expect(next).toEqual({ name: 'engine-2' });
  });

  test('a second crash is recovered the same way, and an unsubscribed listener hears nothing', async () => {
    const trainer = newTrainer();
    const heard: string[] = [];
    const stop = trainer.onCrash((reason) => heard.push(reason));
    await trainer.port();
    rendererGone(windows[0], 'crashed');
    await trainer.port();
    stop();
    rendererGone(windows[1], 'killed');
    await trainer.port();
    expect(heard).toEqual(['crashed']);
    expect(windows.map((w) => w.destroyed)).toEqual([true, true, false]);
  });

  test('a late word from a window already let go neither closes the new one nor reaches the engine', async () => {
    const trainer = newTrainer();
    const heard: string[] = [];
    trainer.onCrash((reason) => heard.push(reason));
    await trainer.port();
    trainer.close();
    await trainer.port();
    rendererGone(windows[0], 'clean-exit');
    expect(heard).toEqual([]);
    expect(windows[1].destroyed).toBe(false);
    await trainer.port();
    expect(windows).toHaveLength(2);
  });
});

describe("Chromium's WebGPU switches", () => {
  test('are passed on Linux only once GPU training was chosen, and never elsewhere', () => {
    expect(gpuSwitches('linux', false)).toEqual([]);
    expect(gpuSwitches('linux', true)).toEqual([['enable-unsafe-webgpu'], ['enable-features', 'Vulkan']]);
    expect(gpuSwitches('darwin', true)).toEqual([]);
    expect(gpuSwitches('win32', true)).toEqual([]);
  });
});

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
}

let windows: FakeWindow[];
let failLoad: boolean;

function fakeWindow(): BrowserWindow {
  const record: FakeWindow = {
    loaded: [],
    posted: [],
    destroyed: false,
    handlers: {},
  };
  windows.push(record);
  return {
    webContents: {
      postMessage: (channel: string, _message: unknown, ports: unknown[]) => record.posted.push({ channel, ports }),
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
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

describe("Chromium's WebGPU switches", () => {
  test('are passed on Linux only once GPU training was chosen, and never elsewhere', () => {
    expect(gpuSwitches('linux', false)).toEqual([]);
    expect(gpuSwitches('linux', true)).toEqual([['enable-unsafe-webgpu'], ['enable-features', 'Vulkan']]);
    expect(gpuSwitches('darwin', true)).toEqual([]);
    expect(gpuSwitches('win32', true)).toEqual([]);
  });
});

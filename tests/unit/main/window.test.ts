import { beforeEach, describe, expect, test, vi } from 'vitest';

const created: Array<{ options: { webPreferences: Record<string, unknown> }; loaded?: string }> = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { setWindowOpenHandler: vi.fn(), on: vi.fn() };
    record: (typeof created)[number];
    constructor(options: (typeof created)[number]['options']) {
      this.record = { options };
      created.push(this.record);
    }
    once() {}
    loadURL(url: string) {
      this.record.loaded = url;
      return Promise.resolve();
    }
  }
  return { BrowserWindow, shell: { openExternal: vi.fn() } };
});

describe('main window', () => {
  beforeEach(() => {
    created.length = 0;
  });

  test('is created isolated, sandboxed and without Node', async () => {
    const { createMainWindow } = await import('../../../src/main/window');
    createMainWindow({ preload: '/app/out/preload/index.cjs', pageUrl: 'latentdraw://app/index.html' });
    expect(created).toHaveLength(1);
    expect(created[0].options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      preload: '/app/out/preload/index.cjs',
    });
    expect(created[0].loaded).toBe('latentdraw://app/index.html');
  });
});

import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { channels } from '../../../src/shared/contract/index';
import { tempDir } from '../../helpers/temp-folder';

/**
 * The Electron main process, composed for real (src/main/index.ts), with Electron's modules
 * replaced by small fakes. utilityProcess.fork starts the real engine as a Node child, so the
 * IPC gate, the supervisor and the engine are exercised end to end without Electron's binary.
 */
const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => void;
  const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
  const sent: Array<[string, unknown]> = [];
  const windows: Array<{ options: unknown; url?: string; webContents: unknown }> = [];
  const protocols = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const children: Array<{ kill(): void }> = [];
  return { handlers, sent, windows, children, protocols, privileged, listeners: new Map<string, Listener[]>() };
});

vi.mock('electron', () => {
  const dataHome = tempDir('main');
  class BrowserWindow {
    webContents = {
      send: (channel: string, payload: unknown) => fake.sent.push([channel, payload]),
      setWindowOpenHandler: () => undefined,
      on: () => undefined,
    };
    record: (typeof fake.windows)[number];
    constructor(options: unknown) {
      this.record = { options, webContents: this.webContents };
      fake.windows.push(this.record);
    }
    once() {}
    on() {}
    isMinimized() {
      return false;
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      isPackaged: false,
      requestSingleInstanceLock: () => true,
      on: () => undefined,
      whenReady: () => Promise.resolve(),
      getPath: () => dataHome,
      setPath: () => undefined,
      getVersion: () => '0.0.0-test',
      quit: () => undefined,
    },
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => fake.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => fake.protocols.set(scheme, handler),
    },
    ipcMain: {
      handle: (channel: string, handler: (event: unknown, payload: unknown) => Promise<unknown>) =>
        fake.handlers.set(channel, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: () => undefined,
        setPermissionCheckHandler: () => undefined,
        webRequest: { onHeadersReceived: () => undefined },
      },
    },
    shell: { openExternal: () => Promise.resolve() },
    dialog: { showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) },
    utilityProcess: {
      // The engine built from source: the same file the bundle is made of.
      fork: () => {
        const child = fork(resolve('src/engine/host.ts'), [], {
          execArgv: ['--import', 'tsx'],
          serialization: 'advanced',
          stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
        });
        fake.children.push(child);
        return {
          get pid() {
            return child.pid;
          },
          postMessage: (message: unknown) => child.connected && child.send(message as never),
          on: (event: string, listener: (...args: unknown[]) => void) => {
            if (event === 'message') child.on('message', listener);
            if (event === 'exit') child.on('exit', (code) => listener(code));
          },
          kill: () => child.kill('SIGKILL'),
        };
      },
    },
  };
});

describe('the Electron main process, composed with Electron mocked', () => {
  afterAll(() => {
    for (const child of fake.children) child.kill();
  });

  test('opens one hardened window, gates every channel, and reaches the real engine', async () => {
    await import('../../../src/main/index');
    await expect.poll(() => fake.windows.length, { timeout: 10_000 }).toBe(1);
    const window = fake.windows[0];
    expect(window.options).toMatchObject({
      webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    expect([...fake.handlers.keys()].sort()).toEqual(Object.keys(channels).sort());

    // The page comes from the app's protocol, served from the built renderer with the CSP.
    expect(fake.privileged).toEqual([expect.objectContaining({ scheme: 'latentdraw' })]);
    const pageUrl = window.url!;
    expect(pageUrl).toBe('latentdraw://app/index.html');
    const page = await fake.protocols.get('latentdraw')!(new Request(pageUrl));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await page.text()).toContain('<div id="app">');
    const trusted = { sender: window.webContents, senderFrame: { url: pageUrl } };
    const stranger = { sender: { id: 99 }, senderFrame: { url: 'https://attacker.example/' } };
    const ping = fake.handlers.get('engine:ping')!;

    expect(await ping(stranger, { nonce: 1 })).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    expect(await ping(trusted, { nonce: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await expect
      .poll(async () => ping(trusted, { nonce: 5 }), { timeout: 60_000 })
      .toEqual({
        ok: true,
        value: { nonce: 5, backend: 'wasm' },
      });
    const info = (await fake.handlers.get('app:info')!(trusted, {})) as { ok: boolean; value: { host: string } };
    expect(info).toMatchObject({ ok: true, value: { host: 'electron', name: 'LatentDraw' } });
    // Engine status reaches the window as an event.
    expect(
      fake.sent.some(
        ([channel, status]) => channel === 'event:engine:status' && (status as { state: string }).state === 'ready',
      ),
    ).toBe(true);
  });
});

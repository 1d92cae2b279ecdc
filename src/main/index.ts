/**
 * Composition root of the Electron main process: it starts the engine, wires the IPC gate
 * and opens the window. Everything heavy lives in the engine process.
 */
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appHostHandlers } from '../host/app-handlers';
import { createRouter } from '../host/router';
import { EngineSupervisor } from '../host/supervisor';
import { utilityEngineSpawner } from './engine-process';
import { EVENT_PREFIX, registerIpc, trustedSender } from './ipc';
import { hardenSession } from './security';
import { createMainWindow, pageUrl, type WindowPaths } from './window';

const here = dirname(fileURLToPath(import.meta.url));
const resourcesDir = app.isPackaged ? join(process.resourcesPath, 'resources') : join(here, '../../resources');
// The .wasm files cannot be read from inside the asar archive: they are unpacked beside it.
const wasmDir = app.isPackaged
  ? join(process.resourcesPath, 'app.asar.unpacked', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist')
  : undefined;

const paths: WindowPaths = {
  preload: join(here, '../preload/index.cjs'),
  page: process.env.ELECTRON_RENDERER_URL
    ? { url: process.env.ELECTRON_RENDERER_URL }
    : { file: join(here, '../renderer/index.html') },
};

let window: BrowserWindow | undefined;

if (!app.requestSingleInstanceLock()) app.quit();

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

void app.whenReady().then(() => {
  hardenSession(session.defaultSession);
  const supervisor = new EngineSupervisor(utilityEngineSpawner(join(here, '../engine/host.js')), {
    dataHome: app.getPath('userData'),
    resourcesDir,
    wasmDir,
  });
  supervisor.start();
  const router = createRouter(supervisor, {
    ...appHostHandlers(supervisor, {
      host: 'electron',
      version: app.getVersion(),
      versions: {
        electron: process.versions.electron,
        chrome: process.versions.chrome,
        node: process.versions.node,
      },
    }),
  });
  registerIpc(ipcMain, router, trustedSender(() => window?.webContents, pageUrl(paths.page)));
  supervisor.onStatus((status) => window?.webContents.send(`${EVENT_PREFIX}engine:status`, status));
  supervisor.onEvent((name, payload) => window?.webContents.send(`${EVENT_PREFIX}${name}`, payload));

  window = createMainWindow(paths);
  window.on('closed', () => (window = undefined));
  app.on('before-quit', () => supervisor.stop());
});

app.on('window-all-closed', () => app.quit());

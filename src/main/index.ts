/**
 * Composition root of the Electron main process: it starts the engine, wires the IPC gate
 * and opens the window. Everything heavy lives in the engine process.
 */
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appHostHandlers } from '../host/app-handlers';
import { fileHostHandlers, refuseInternalChannels } from '../host/files/handlers';
import { PickedFiles } from '../host/files/picked-files';
import { createRouter } from '../host/router';
import { EngineSupervisor } from '../host/supervisor';
import { dialogHostHandlers } from './dialogs';
import { utilityEngineSpawner } from './engine-process';
import { EVENT_PREFIX, registerIpc, trustedSender } from './ipc';
import { packagedPaths } from './packaged-paths';
import { hardenSession } from './security';
import { createMainWindow, pageUrl, type WindowPaths } from './window';

const here = dirname(fileURLToPath(import.meta.url));
// Packaged: resources beside the archive, and the .wasm files unpacked from it (the engine
// reads them with fs, which cannot look inside app.asar).
const { resourcesDir, wasmDir } = app.isPackaged
  ? packagedPaths(process.resourcesPath)
  : { resourcesDir: join(here, '../../resources'), wasmDir: undefined };

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
  const picked = new PickedFiles();
  const router = createRouter(supervisor, {
    ...fileHostHandlers(supervisor, app.getPath('userData'), picked),
    ...dialogHostHandlers(dialog, () => window, picked),
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
  // The router wrapped so pages cannot reach engine channels that take host-resolved paths.
  const gate = refuseInternalChannels(router);
  registerIpc(
    ipcMain,
    gate,
    trustedSender(() => window?.webContents, pageUrl(paths.page)),
  );
  supervisor.onStatus((status) => window?.webContents.send(`${EVENT_PREFIX}engine:status`, status));
  supervisor.onEvent((name, payload) => window?.webContents.send(`${EVENT_PREFIX}${name}`, payload));

  window = createMainWindow(paths);
  window.on('closed', () => (window = undefined));
  app.on('before-quit', () => supervisor.stop());
});

app.on('window-all-closed', () => app.quit());

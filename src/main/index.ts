/**
 * Composition root of the Electron main process: it starts the engine, wires the IPC gate
 * and opens the window. Everything heavy lives in the engine process.
 */
import { app, BrowserWindow, dialog, ipcMain, MessageChannelMain, protocol, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appHostHandlers } from '../host/app-handlers';
import type { GpuSwitchControl } from '../host/gpu-switch';
import { fileHostHandlers, refuseInternalChannels } from '../host/files/handlers';
import { PickedFiles } from '../host/files/picked-files';
import { createRouter } from '../host/router';
import { EngineSupervisor } from '../host/supervisor';
import { appPageUrl, registerAppScheme, serveAppProtocol } from './app-protocol';
import { dialogHostHandlers } from './dialogs';
import { gpuTrainingOn, saveGpuTraining } from './gpu-preference';
import { utilityEngineSpawner } from './engine-process';
import { EVENT_PREFIX, registerIpc, trustedSender } from './ipc';
import { packagedPaths } from './packaged-paths';
import { mainPageUrl } from './page-url';
import { restartApp } from './relaunch';
import { hardenSession } from './security';
import { applyUserDataOverride } from './user-data';
import { createTrainerWindow, gpuSwitches, TRAINER_PAGE, TrainerWindow } from './trainer-window';
import { createMainWindow, type WindowPaths } from './window';

export const STARTUP_ERRORS = {
  failed: 'LatentDraw could not start',
} as const;

const here = dirname(fileURLToPath(import.meta.url));
// Packaged: resources beside the archive, and the .wasm files in the unpacked copy beside it
// (electron-builder.yml's asarUnpack). The engine's fs could read them inside app.asar too:
// Electron's asar support covers the utilityProcess and its worker threads.
const { resourcesDir, wasmDir } = app.isPackaged
  ? packagedPaths(process.resourcesPath)
  : { resourcesDir: join(here, '../../resources'), wasmDir: undefined };
const rendererDir = join(here, '../renderer');

const paths: WindowPaths = {
  preload: join(here, '../preload/index.cjs'),
  pageUrl: mainPageUrl(app.isPackaged, process.env),
};

/** The hidden GPU trainer window, and the ports the engine asks for. */
function trainerPorts() {
  const trainer = new TrainerWindow({
    createWindow: () => createTrainerWindow(join(here, '../preload/trainer.cjs')),
    newChannel: () => new MessageChannelMain(),
    pageUrl: appPageUrl(TRAINER_PAGE),
  });
  return { trainer, ports: () => trainer.port() };
}

/** The person's GPU training switch, where Chromium needs switches for WebGPU (Linux). */
function gpuSwitchControl(dataHome: string, gpuSwitched: boolean): GpuSwitchControl | undefined {
  if (gpuSwitches(process.platform, true).length === 0) return undefined;
  return {
    on: gpuSwitched,
    save: (on) => saveGpuTraining(dataHome, on),
    restart: () => restartApp(app),
  };
}

/** Says why the app cannot start and exits; before ready the box prints to stderr on Linux. */
function failStartup(error: unknown): void {
  dialog.showErrorBox(STARTUP_ERRORS.failed, error instanceof Error ? error.message : String(error));
  app.exit(1);
}

/** Everything a running studio is made of, composed once the app is ready. */
function startStudio(gpuSwitched: boolean): void {
  let window: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.on('window-all-closed', () => app.quit());

  void app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession);
      serveAppProtocol(protocol, rendererDir);
      const dataHome = app.getPath('userData');
      const { trainer, ports } = trainerPorts();
      const spawner = utilityEngineSpawner(join(here, '../engine/host.js'), ports, (l) => trainer.onCrash(l));
      const supervisor = new EngineSupervisor(spawner, {
        dataHome,
        resourcesDir,
        wasmDir,
        installedApp: app.isPackaged,
        trainerWindow: true,
      });
      supervisor.start();
      const picked = new PickedFiles();
      const router = createRouter(supervisor, {
        ...fileHostHandlers(supervisor, dataHome, picked),
        ...dialogHostHandlers(dialog, () => window, picked),
        ...appHostHandlers(
          supervisor,
          {
            host: 'electron',
            version: app.getVersion(),
            versions: {
              electron: process.versions.electron,
              chrome: process.versions.chrome,
              node: process.versions.node,
            },
          },
          gpuSwitchControl(dataHome, gpuSwitched),
        ),
      });
      // The router wrapped so pages cannot reach engine channels that take host-resolved paths.
      const gate = refuseInternalChannels(router);
      registerIpc(
        ipcMain,
        gate,
        trustedSender(() => window?.webContents, paths.pageUrl),
      );
      supervisor.onStatus((status) => {
        // A restarted engine starts over: the old trainer's ports died with it.
        if (status.state !== 'ready') trainer.close();
        window?.webContents.send(`${EVENT_PREFIX}engine:status`, status);
      });
      supervisor.onEvent((name, payload) => window?.webContents.send(`${EVENT_PREFIX}${name}`, payload));
      app.on('before-quit', () => {
        trainer.close();
        supervisor.stop();
      });

      window = createMainWindow(paths);
      window.on('closed', () => {
        window = undefined;
        // The hidden trainer window would keep 'window-all-closed' from ever firing.
        trainer.close();
      });
    })
    .catch(failStartup);
}

/** Before the lock: the profile folder holds it, and a test's own profile must get its own lock. */
function useProfile(): boolean {
  try {
    applyUserDataOverride(app, process.env);
    return true;
  } catch (error) {
    failStartup(error);
    return false;
  }
}

if (useProfile()) {
  // Scheme privileges are read once, before the app is ready.
  registerAppScheme(protocol);
  // So are Chromium's switches: WebGPU's on Linux only while the person has GPU training on.
  const gpuSwitched = gpuTrainingOn(app.getPath('userData'));
  for (const [name, value] of gpuSwitches(process.platform, gpuSwitched)) app.commandLine.appendSwitch(name, value);

  // A second launch hands over to the first (second-instance) and quits; quitting before ready
  // does not stop ready handlers, so nothing else may be set up on this path.
  if (!app.requestSingleInstanceLock()) app.quit();
  else startStudio(gpuSwitched);
}

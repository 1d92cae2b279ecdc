import { BrowserWindow, shell } from 'electron';
import { hardenContents } from './security';

export interface WindowPaths {
  preload: string;
  /** The page: the app protocol's index.html, or the dev server's URL under `electron-vite dev`. */
  pageUrl: string;
}

export function createMainWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 860,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    title: 'LatentDraw',
    backgroundColor: '#14161b',
    webPreferences: {
      // electronegativity-justified: PRELOAD_JS_CHECK — the preload is our own sandboxed bundle that
      // exposes only the contract's intent-named functions through contextBridge (src/preload).
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows, around setWindowOpenHandler.
      disableBlinkFeatures: 'Auxclick',
    },
  });
  // electronegativity-justified: OPEN_EXTERNAL_JS_CHECK — hardenContents passes only http(s) URLs
  // (isExternalLink), never file: or custom schemes.
  hardenContents(window.webContents, paths.pageUrl, (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(paths.pageUrl);
  return window;
}

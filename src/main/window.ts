import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { hardenContents } from './security';

export interface WindowPaths {
  preload: string;
  /** The renderer's index.html (packaged) or the dev server URL. */
  page: { file: string } | { url: string };
}

export function pageUrl(page: WindowPaths['page']): string {
  return 'url' in page ? page.url : new URL(`file://${join(page.file)}`).href;
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
  hardenContents(window.webContents, pageUrl(paths.page), (url) => void shell.openExternal(url));
  window.once('ready-to-show', () => window.show());
  if ('url' in paths.page) void window.loadURL(paths.page.url);
  else void window.loadFile(paths.page.file);
  return window;
}

import { appPageUrl } from './app-protocol';

/** Set by `electron-vite dev`: the dev server that serves the renderer with hot reload. */
export const DEV_SERVER_ENV = 'ELECTRON_RENDERER_URL';

/**
 * The main window's page: the app's own index.html. The dev server's URL is honoured only in an
 * unpacked app: whatever the window loads gets window.studio and counts as the trusted sender,
 * so a packed app never loads a page an environment variable names.
 */
export function mainPageUrl(isPackaged: boolean, env: Record<string, string | undefined>): string {
  const devServer = env[DEV_SERVER_ENV];
  return !isPackaged && devServer ? devServer : appPageUrl('index.html');
}

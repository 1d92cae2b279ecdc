import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appHostHandlers } from '../host/app-handlers';
import { fileHostHandlers, noDialogHostHandlers, refuseInternalChannels } from '../host/files/handlers';
import { nodeEngineSpawner } from '../host/node-engine';
import { createRouter } from '../host/router';
import { EngineSupervisor } from '../host/supervisor';
import { dataFolders } from '../engine/paths';
import { startStudioServer, type StudioServer } from '../server/server';
import { newToken } from '../server/security';
import type { BackendName } from '../shared/types/backend';
import { appPaths } from './app-paths';

export const BROWSER_MODE_ERRORS = {
  notBuilt: (dir: string) => `the studio is not built (${dir} is missing): run "npm run build" first`,
} as const;

export interface BrowserModeOptions {
  port?: number;
  dataHome?: string;
  backend?: BackendName;
  /** Shipped models and sample data; the app's own resources/ unless a test gives another. */
  resourcesDir?: string;
}

export interface BrowserMode {
  server: StudioServer;
  supervisor: EngineSupervisor;
  close(): Promise<void>;
}

/** The engine in a child process, the web server in this one: the studio without Electron. */
export async function startBrowserMode(options: BrowserModeOptions = {}): Promise<BrowserMode> {
  const rendererDir = appPaths.renderer();
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(BROWSER_MODE_ERRORS.notBuilt(rendererDir));
  if (!existsSync(appPaths.engineEntry())) throw new Error(BROWSER_MODE_ERRORS.notBuilt(appPaths.engineEntry()));
  const pkg = JSON.parse(readFileSync(appPaths.packageJson(), 'utf8')) as { version: string };
  const dataHome = options.dataHome ?? dataFolders().home;
  const supervisor = new EngineSupervisor(nodeEngineSpawner(appPaths.engineEntry()), {
    dataHome,
    resourcesDir: options.resourcesDir ?? appPaths.resources(),
    backend: options.backend,
  });
  supervisor.start();
  const router = createRouter(supervisor, {
    ...fileHostHandlers(supervisor, dataHome),
    ...noDialogHostHandlers(),
    ...appHostHandlers(supervisor, {
      host: 'browser',
      version: pkg.version,
      versions: { node: process.versions.node, v8: process.versions.v8 },
    }),
  });
  const server = await startStudioServer({
    rendererDir,
    token: newToken(),
    router: refuseInternalChannels(router),
    supervisor,
    port: options.port,
  });
  return {
    server,
    supervisor,
    close: async () => {
      await server.close();
      supervisor.stop();
    },
  };
}

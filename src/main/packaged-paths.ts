import { join } from 'node:path';

/**
 * Where the packaged app finds what it loads at run time. electron-builder.yml must put
 * these files there (extraResources → resources/, asarUnpack → app.asar.unpacked/); a test
 * checks the two agree.
 */
export const PACKAGED_LAYOUT = {
  /** Shipped models and sample data, relative to process.resourcesPath. */
  resources: 'resources',
  /**
   * tfjs-backend-wasm's binaries, in the unpacked copy beside the archive where main points the
   * engine. Electron's fs reads inside app.asar in the utilityProcess and its worker threads as
   * well, so this names where they are, not a limit of fs.
   */
  wasmDir: join('app.asar.unpacked', 'node_modules', '@tensorflow', 'tfjs-backend-wasm', 'dist'),
} as const;

export function packagedPaths(resourcesPath: string) {
  return {
    resourcesDir: join(resourcesPath, PACKAGED_LAYOUT.resources),
    wasmDir: join(resourcesPath, PACKAGED_LAYOUT.wasmDir),
  };
}

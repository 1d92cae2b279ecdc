// Bundles what electron-vite does not build: the engine process (also used by Electron's
// utilityProcess) with its worker threads, the `latentdraw` CLI, and the trainer page (the
// GPU trainer of the desktop app's hidden window, served beside the renderer).
import { build } from 'esbuild';
import { copyFile, mkdir } from 'node:fs/promises';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // Dependencies load from node_modules at run time (tfjs finds its .wasm files there).
  packages: 'external',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['src/engine/host.ts'], outfile: 'out/engine/host.js' }),
  // The second training thread of data-parallel training, loaded beside the engine.
  build({ ...common, entryPoints: ['src/engine/train/gradient-worker.ts'], outfile: 'out/engine/gradient-worker.js' }),
  build({ ...common, entryPoints: ['src/engine/train/trainer-thread.ts'], outfile: 'out/engine/trainer-thread.js' }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'out/cli/index.js' }),
  // Browser mode decodes big WebSocket frames on this thread, loaded beside the CLI.
  build({ ...common, entryPoints: ['src/server/frame-decoder-worker.ts'], outfile: 'out/cli/frame-decoder-worker.js' }),
  // A browser bundle: tfjs with its WebGPU and WebGL backends inside, nothing from Node.
  build({
    entryPoints: ['src/trainer/main.ts'],
    outfile: 'out/renderer/trainer/trainer.js',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
  }),
]);
await mkdir('out/renderer/trainer', { recursive: true });
await copyFile('src/trainer/index.html', 'out/renderer/trainer/index.html');

// What esbuild bundles beside electron-vite's output: the engine process (also used by Electron's
// utilityProcess) with its worker threads, the `latentdraw` CLI, and the trainer page (the GPU
// trainer of the desktop app's hidden window, served beside the renderer). `npm run build`
// builds them once (scripts/build-cli.mjs); `npm run dev` watches them (scripts/dev.mjs).
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

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

/** esbuild's options for each bundle. */
export const BUNDLES = [
  { ...common, entryPoints: ['src/engine/host.ts'], outfile: 'out/engine/host.js' },
  // The second training thread of data-parallel training, loaded beside the engine.
  { ...common, entryPoints: ['src/engine/train/parallel/worker.ts'], outfile: 'out/engine/gradient-worker.js' },
  { ...common, entryPoints: ['src/engine/train/trainer/thread.ts'], outfile: 'out/engine/trainer-thread.js' },
  { ...common, entryPoints: ['src/cli/index.ts'], outfile: 'out/cli/index.js' },
  // Browser mode decodes big WebSocket frames on this thread, loaded beside the CLI.
  { ...common, entryPoints: ['src/server/frame-decoder-worker.ts'], outfile: 'out/cli/frame-decoder-worker.js' },
  // A browser bundle: tfjs with its WebGPU and WebGL backends inside, nothing from Node.
  {
    entryPoints: ['src/trainer/main.ts'],
    outfile: 'out/renderer/trainer/trainer.js',
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'chrome120',
    minify: true,
    logLevel: 'warning',
  },
];

/** The trainer page's HTML, copied as it is beside its bundle. */
export const TRAINER_PAGE = { from: 'src/trainer/index.html', to: 'out/renderer/trainer/index.html' };

export async function copyTrainerPage() {
  await mkdir(dirname(TRAINER_PAGE.to), { recursive: true });
  await copyFile(TRAINER_PAGE.from, TRAINER_PAGE.to);
}

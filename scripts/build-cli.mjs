// Bundles the two plain-Node entry points that electron-vite does not build: the engine
// process (also used by Electron's utilityProcess) and the `latentdraw` CLI.
import { build } from 'esbuild';

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
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: 'out/cli/index.js' }),
  // Browser mode decodes big WebSocket frames on this thread, loaded beside the CLI.
  build({ ...common, entryPoints: ['src/server/frame-decoder-worker.ts'], outfile: 'out/cli/frame-decoder-worker.js' }),
]);

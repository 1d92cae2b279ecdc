// `npm start`: the Electron app where Electron's binary is installed, otherwise browser mode.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { findElectronBinary } from './electron-binary.mjs';
import { runChild } from './launch-outcome.mjs';

if (!existsSync('out/main/index.js') || !existsSync('out/cli/index.js')) {
  console.error('LatentDraw is not built yet: run "npm run build" (npm install does it too).');
  process.exit(1);
}

const electron = findElectronBinary();
const launch =
  'path' in electron
    ? {
        what: 'Electron',
        command: electron.path,
        args: ['.'],
        // Only Linux builds have the setuid helper; elsewhere the sandbox hint never applies.
        sandboxHelper: process.platform === 'linux' ? join(dirname(electron.path), 'chrome-sandbox') : undefined,
      }
    : (console.log(`Starting LatentDraw in browser mode: ${electron.missing}.`),
      {
        what: 'browser mode',
        command: process.execPath,
        args: ['bin/latentdraw.js', 'serve', ...process.argv.slice(2)],
      });

const { exitCode, message } = await runChild(launch);
if (message) console.error(message);
process.exit(exitCode);

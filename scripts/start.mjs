// `npm start`: the Electron app where Electron's binary is installed, otherwise browser mode.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findElectronBinary } from './electron-binary.mjs';

if (!existsSync('out/main/index.js') || !existsSync('out/cli/index.js')) {
  console.error('LatentDraw is not built yet: run "npm run build" (npm install does it too).');
  process.exit(1);
}

const electron = findElectronBinary();
const child =
  'path' in electron
    ? spawn(electron.path, ['.'], { stdio: 'inherit' })
    : (console.log(`Starting LatentDraw in browser mode: ${electron.missing}.`),
      spawn(process.execPath, ['bin/latentdraw.js', 'serve', ...process.argv.slice(2)], { stdio: 'inherit' }));

const forward = (signal) => () => child.kill(signal);
process.on('SIGINT', forward('SIGINT'));
process.on('SIGTERM', forward('SIGTERM'));
child.on('exit', (code) => process.exit(code ?? 0));

#!/usr/bin/env node
// Runs the built CLI (out/cli). `npm install` builds it; `npm run build` rebuilds it.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'out', 'cli', 'index.js');
if (!existsSync(entry)) {
  process.stderr.write(`latentdraw: the CLI is not built (${entry} is missing). Run "npm run build" in ${root}.\n`);
  process.exit(1);
}
const { main, consoleIo } = await import(pathToFileURL(entry).href);
const code = await main(process.argv.slice(2), consoleIo);
// Commands that finish (info, inspect, train) end the process even if a timer is left.
if (code !== undefined) process.exit(code);

// `npm start`: the Electron app where the electron package has (or can download) its binary,
// otherwise browser mode, with the reason.
import { existsSync } from 'node:fs';
import { electronBinary } from './electron-binary.mjs';
import { BUILT_ENTRIES, launchPlan, START_MESSAGES } from './launch-plan.mjs';
import { runChild } from './launch-outcome.mjs';

if (!BUILT_ENTRIES.every((entry) => existsSync(entry))) {
  console.error(START_MESSAGES.notBuilt);
  process.exit(1);
}

const binary = await electronBinary({ onDownload: (version) => console.log(START_MESSAGES.downloading(version)) });
const launch = launchPlan(binary, { serveArgs: process.argv.slice(2) });
if (launch.notice) console.log(launch.notice);

const { exitCode, message } = await runChild(launch);
if (message) console.error(message);
process.exit(exitCode);

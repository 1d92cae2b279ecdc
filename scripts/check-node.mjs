// `node scripts/check-node.mjs`: fails, saying what to do, when this Node is older than the one
// the desktop app's tooling needs (package.json engines["node-desktop"]: Electron 45,
// @electron/rebuild and node-abi, which electron-builder runs, declare it). The dist scripts
// run it first, so an installer build on an older Node stops here and not deep in a rebuild.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describeNodeRange, meetsNodeRange } from './node-version.mjs';

/** The engines key that holds the desktop app's Node range (npm itself reads only "node"). */
export const DESKTOP_ENGINE = 'node-desktop';

export const NODE_MESSAGES = {
  tooOld: (desktop, node, current) =>
    `LatentDraw: building the installers needs Node ${describeNodeRange(desktop)} (Electron, @electron/rebuild ` +
    `and node-abi declare it); this is Node ${current}. Browser mode, the CLI and the tests run on Node ` +
    `${describeNodeRange(node)}.`,
  noRange: `LatentDraw: package.json has no engines["${DESKTOP_ENGINE}"]`,
};

/**
 * Why this Node cannot build the installers, or undefined when it can.
 * @param {{ engines?: Record<string, string> }} pkg
 */
export function desktopNodeProblem(pkg, current = process.versions.node) {
  const desktop = pkg.engines?.[DESKTOP_ENGINE];
  if (!desktop) return NODE_MESSAGES.noRange;
  return meetsNodeRange(current, desktop) ? undefined : NODE_MESSAGES.tooOld(desktop, pkg.engines?.node, current);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const problem = desktopNodeProblem(JSON.parse(readFileSync('package.json', 'utf8')));
  if (problem) {
    console.error(problem);
    process.exitCode = 1;
  }
}

// What `npm start` and `npm run dev` run once they know about Electron's binary
// (scripts/electron-binary.mjs): the Electron app where there is a binary, otherwise browser
// mode, saying why.
import { dirname, join } from 'node:path';

export const START_MESSAGES = {
  notBuilt: 'LatentDraw is not built yet: run "npm run build" (npm install does it too).',
  downloading: (version) => `Electron ${version}'s binary is not here yet: downloading it (once)…`,
  browserMode: (why) => `Starting LatentDraw in browser mode: ${why}.`,
  devRebuilds:
    'npm run dev: out/engine, out/cli and the trainer page are rebuilt on change; the engine and the ' +
    'server load them when they next start.',
};

/** What `npm start` needs built before it runs either way. */
export const BUILT_ENTRIES = ['out/main/index.js', 'out/cli/index.js'];

/** Browser mode: the built CLI's server, with the arguments `npm start -- …` was given. */
export function browserModeLaunch(why, serveArgs) {
  return {
    what: 'browser mode',
    command: process.execPath,
    args: ['bin/latentdraw.js', 'serve', ...serveArgs],
    notice: START_MESSAGES.browserMode(why),
  };
}

/**
 * @param {{ path: string } | { missing: string }} binary what electronBinary() answered
 * @param {{ platform?: NodeJS.Platform, serveArgs?: string[] }} [options]
 * @returns {{ what: string, command: string, args: string[], sandboxHelper?: string, notice?: string,
 *   env?: NodeJS.ProcessEnv }}
 */
export function launchPlan(binary, { platform = process.platform, serveArgs = [] } = {}) {
  if ('missing' in binary) return browserModeLaunch(binary.missing, serveArgs);
  return {
    what: 'Electron',
    command: binary.path,
    args: ['.'],
    // Only Linux builds have the setuid helper; elsewhere the sandbox hint never applies.
    sandboxHelper: platform === 'linux' ? join(dirname(binary.path), 'chrome-sandbox') : undefined,
  };
}

/**
 * `npm run dev`: with a binary, electron-vite's dev mode (renderer dev server, main and preload
 * rebuilt on change, Electron restarted) starting that binary; without one, browser mode.
 * @param {{ path: string } | { missing: string }} binary
 * @param {{ electronVite: string, platform?: NodeJS.Platform, serveArgs?: string[], env?: NodeJS.ProcessEnv }} options
 */
export function devLaunchPlan(binary, { electronVite, platform, serveArgs, env = process.env }) {
  const plan = launchPlan(binary, { platform, serveArgs });
  if ('missing' in binary) return plan;
  return {
    ...plan,
    command: process.execPath,
    args: [electronVite, 'dev', '--watch'],
    // electron-vite starts the binary this names instead of asking the package itself.
    env: { ...env, ELECTRON_EXEC_PATH: binary.path },
  };
}

// Where Electron's binary is, asked of the electron package the way the package itself answers
// `require('electron')`: since Electron 42 npm install downloads nothing; the package's index.js
// runs its install.js (@electron/get) on first use when path.txt or the binary is missing.
// Here that download runs in a child process with a time limit, and when it cannot run or fails
// the answer says why, in the package's or the download's own words. Shared by `npm start`,
// `npm run dev` and the Electron e2e test.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { meetsNodeRange } from './node-version.mjs';

const require = createRequire(import.meta.url);

/** Electron is about 100 MB: a slow line gets ten minutes, a hung one no more. */
export const ELECTRON_DOWNLOAD_TIMEOUT_MS = 10 * 60 * 1000;
/** The downloader the package's install.js requires. */
export const ELECTRON_DOWNLOADER = '@electron/get';
/** How much of a failed download's output the reason quotes. */
const REASON_LINES = 3;
const OUTPUT_TAIL_CHARS = 8 * 1024;

export const ELECTRON_REASONS = {
  notInstalled: 'the electron package is not installed (run npm install)',
  overrideMissing: (path) => `ELECTRON_OVERRIDE_DIST_PATH names ${path}, where there is no Electron binary`,
  nodeTooOld: (electron, range, node) =>
    `Electron ${electron} needs Node ${range} and this is Node ${node}: npm skipped it, so its downloader ` +
    `(${ELECTRON_DOWNLOADER}) is not installed and its binary cannot be downloaded (on Node ${range}, ` +
    'npm install and then npm start get it)',
  noDownloader: (packageDir) =>
    `Electron's downloader (${ELECTRON_DOWNLOADER}) is not installed beside ${packageDir}; run npm install`,
  downloadFailed: (code, tail) => `Electron's download failed (exit ${code})${tail ? `: ${tail}` : ''}`,
  downloadTimedOut: (seconds) => `Electron's download did not finish within ${seconds} s`,
  downloadNotStarted: (why) => `Electron's download could not start: ${why}`,
  noBinaryAfterDownload: (path) => `Electron's download finished but left no binary at ${path}`,
};

/** The installed electron package's folder, or undefined. */
export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

function readPackage(packageDir) {
  return JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
}

function binaryName(packageDir) {
  const pathFile = join(packageDir, 'path.txt');
  return existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
}

/**
 * The binary the package's index.js would return without downloading anything, or undefined
 * when it would start a download (no path.txt, or no binary where path.txt points).
 * @returns {{ path: string } | { missing: string } | undefined}
 */
export function installedElectronBinary(packageDir, env = process.env) {
  const name = binaryName(packageDir);
  if (env.ELECTRON_OVERRIDE_DIST_PATH) {
    const path = join(env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron');
    return existsSync(path) ? { path } : { missing: ELECTRON_REASONS.overrideMissing(path) };
  }
  if (!name) return undefined;
  const path = join(packageDir, 'dist', name);
  return existsSync(path) ? { path } : undefined;
}

function downloaderInstalled(packageDir) {
  try {
    createRequire(join(packageDir, 'package.json')).resolve(ELECTRON_DOWNLOADER);
    return true;
  } catch {
    return false;
  }
}

/** The last few lines of a failed download's output that are not stack frames. */
export function downloadErrorTail(output) {
  return output
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('at '))
    .slice(-REASON_LINES)
    .join(' / ');
}

/**
 * Runs the package's install.js (what its index.js runs on first use) and resolves with
 * undefined once it succeeded, or with why it did not.
 * @returns {Promise<string | undefined>}
 */
function runDownload(packageDir, env, timeoutMs) {
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    const child = spawn(process.execPath, [join(packageDir, 'install.js')], {
      cwd: packageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk) => {
      output = (output + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(ELECTRON_REASONS.downloadNotStarted(error.message));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (timedOut) resolve(ELECTRON_REASONS.downloadTimedOut(Number((timeoutMs / 1000).toFixed(1))));
      else if (code === 0) resolve(undefined);
      else resolve(ELECTRON_REASONS.downloadFailed(code ?? signal, downloadErrorTail(output)));
    });
  });
}

/**
 * Electron's binary: the one the package has, else the one its download brings (announced
 * through `onDownload`), else why there is none.
 * @param {{ packageDir?: string, env?: NodeJS.ProcessEnv, nodeVersion?: string, timeoutMs?: number,
 *   onDownload?: (version: string) => void }} [options]
 * @returns {Promise<{ path: string } | { missing: string }>}
 */
export async function electronBinary({
  packageDir = electronPackageDir(),
  env = process.env,
  nodeVersion = process.versions.node,
  timeoutMs = ELECTRON_DOWNLOAD_TIMEOUT_MS,
  onDownload = () => {},
} = {}) {
  if (!packageDir || !existsSync(join(packageDir, 'package.json'))) return { missing: ELECTRON_REASONS.notInstalled };
  const installed = installedElectronBinary(packageDir, env);
  if (installed) return installed;
  const pkg = readPackage(packageDir);
  if (!downloaderInstalled(packageDir)) {
    const range = pkg.engines?.node;
    return {
      missing: meetsNodeRange(nodeVersion, range)
        ? ELECTRON_REASONS.noDownloader(packageDir)
        : ELECTRON_REASONS.nodeTooOld(pkg.version, range, nodeVersion),
    };
  }
  onDownload(pkg.version);
  const failure = await runDownload(packageDir, env, timeoutMs);
  if (failure) return { missing: failure };
  const name = binaryName(packageDir);
  const path = join(packageDir, 'dist', name ?? '');
  return name && existsSync(path) ? { path } : { missing: ELECTRON_REASONS.noBinaryAfterDownload(path) };
}

import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  FAKE_DOWNLOAD_ERROR,
  FAKE_ELECTRON_VERSION,
  fakeElectronPackage,
  type FakeElectronPackage,
} from '../../helpers/fake-electron-package';
import { tempDir } from '../../helpers/temp-folder';

type Binary = { path: string } | { missing: string };
interface Launch {
  what: string;
  command: string;
  args: string[];
  sandboxHelper?: string;
  notice?: string;
}
interface BinaryModule {
  ELECTRON_REASONS: {
    notInstalled: string;
    overrideMissing(path: string): string;
    nodeTooOld(electron: string, range: string, node: string): string;
    noDownloader(packageDir: string): string;
    downloadTimedOut(seconds: number): string;
    noBinaryAfterDownload(path: string): string;
  };
  electronBinary(options?: {
    packageDir?: string;
    env?: NodeJS.ProcessEnv;
    nodeVersion?: string;
    timeoutMs?: number;
    onDownload?: (version: string) => void;
  }): Promise<Binary>;
}
interface PlanModule {
  START_MESSAGES: { browserMode(why: string): string };
  launchPlan(binary: Binary, options?: { platform?: NodeJS.Platform; serveArgs?: string[] }): Launch;
  devLaunchPlan(
    binary: Binary,
    options: { electronVite: string; platform?: NodeJS.Platform; serveArgs?: string[]; env?: NodeJS.ProcessEnv },
  ): Launch & { env?: NodeJS.ProcessEnv };
}

// @ts-expect-error plain JavaScript module of `npm start` (scripts/electron-binary.mjs)
const finder = (await import('../../../scripts/electron-binary.mjs')) as BinaryModule;
// @ts-expect-error plain JavaScript module of `npm start` (scripts/launch-plan.mjs)
const plans = (await import('../../../scripts/launch-plan.mjs')) as PlanModule;

/** Without the variables a developer's shell may set for the real package. */
const ENV = { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: undefined };

let made: FakeElectronPackage[] = [];
function fake(options: Parameters<typeof fakeElectronPackage>[0]): FakeElectronPackage {
  const pkg = fakeElectronPackage(options);
  made.push(pkg);
  return pkg;
}
afterEach(() => {
  for (const pkg of made) pkg.remove();
  made = [];
});

/** What `npm start` decides for this package folder, and which downloads it announced. */
async function decide(pkg: FakeElectronPackage, more: { nodeVersion?: string; timeoutMs?: number } = {}) {
  const downloads: string[] = [];
  const binary = await finder.electronBinary({
    packageDir: pkg.dir,
    env: ENV,
    onDownload: (version) => downloads.push(version),
    ...more,
  });
  return { binary, downloads, launch: plans.launchPlan(binary, { platform: 'linux', serveArgs: ['--port', '0'] }) };
}

describe('npm start asks the electron package for its binary', () => {
  test('uses the binary the package has, without a download', async () => {
    const pkg = fake({ download: 'fails', downloader: true, binaryPresent: true });
    const { launch, downloads } = await decide(pkg);
    expect(launch).toEqual({
      what: 'Electron',
      command: pkg.binary,
      args: ['.'],
      sandboxHelper: join(pkg.dir, 'dist', 'chrome-sandbox'),
    });
    expect(downloads).toEqual([]);
    expect(existsSync(pkg.ranMarker)).toBe(false);
  });

  test('downloads the binary where the package can, then starts Electron', async () => {
    const pkg = fake({ download: 'succeeds', downloader: true });
    const { launch, downloads } = await decide(pkg);
    expect(downloads).toEqual([FAKE_ELECTRON_VERSION]);
    expect(launch.what).toBe('Electron');
    expect(launch.command).toBe(pkg.binary);
    // Once downloaded, the next start finds it.
    expect((await decide(pkg)).downloads).toEqual([]);
  });

  test('downloads again when path.txt names a binary that is gone, as the package does', async () => {
    const pkg = fake({ download: 'succeeds', downloader: true, binaryPresent: true });
    rmSync(pkg.binary);
    const { launch, downloads } = await decide(pkg);
    expect(downloads).toEqual([FAKE_ELECTRON_VERSION]);
    expect(launch.command).toBe(pkg.binary);
  });

  test('falls back to browser mode with the download’s own error when it fails', async () => {
    const pkg = fake({ download: 'fails', downloader: true });
    const { launch, binary } = await decide(pkg);
    expect(existsSync(pkg.ranMarker)).toBe(true);
    const why = (binary as { missing: string }).missing;
    expect(why).toBe(`Electron's download failed (exit 1): ${FAKE_DOWNLOAD_ERROR}`);
    expect(launch).toEqual({
      what: 'browser mode',
      command: process.execPath,
      args: ['bin/latentdraw.js', 'serve', '--port', '0'],
      notice: plans.START_MESSAGES.browserMode(why),
    });
  });

  test('says Node is too old, and downloads nothing, where npm left the downloader out for it', async () => {
    const pkg = fake({ download: 'succeeds', downloader: false, nodeRange: '>= 22.12.0' });
    const { binary, launch } = await decide(pkg, { nodeVersion: '20.19.0' });
    const why = finder.ELECTRON_REASONS.nodeTooOld(FAKE_ELECTRON_VERSION, '>= 22.12.0', '20.19.0');
    expect(binary).toEqual({ missing: why });
    expect(why).toContain('needs Node >= 22.12.0 and this is Node 20.19.0');
    expect(launch.what).toBe('browser mode');
    expect(launch.notice).toBe(plans.START_MESSAGES.browserMode(why));
    expect(existsSync(pkg.ranMarker)).toBe(false);
  });

  test('says the downloader is missing where Node is recent enough', async () => {
    const pkg = fake({ download: 'succeeds', downloader: false, nodeRange: '>= 22.12.0' });
    expect((await decide(pkg, { nodeVersion: '22.12.0' })).binary).toEqual({
      missing: finder.ELECTRON_REASONS.noDownloader(pkg.dir),
    });
  });

  test('gives up on a download that does not finish in time', async () => {
    const pkg = fake({ download: 'hangs', downloader: true });
    const { binary } = await decide(pkg, { timeoutMs: 300 });
    expect(binary).toEqual({ missing: finder.ELECTRON_REASONS.downloadTimedOut(0.3) });
  });

  test('says so when a download succeeds but leaves no binary', async () => {
    const pkg = fake({ download: 'writes-nothing', downloader: true });
    expect((await decide(pkg)).binary).toEqual({
      missing: finder.ELECTRON_REASONS.noBinaryAfterDownload(join(pkg.dir, 'dist')),
    });
  });

  test('honours ELECTRON_OVERRIDE_DIST_PATH as the package does, and says when the package is absent', async () => {
    const dist = tempDir('electron-dist');
    try {
      const pkg = fake({ download: 'fails', downloader: true });
      const env = { ...ENV, ELECTRON_OVERRIDE_DIST_PATH: dist };
      expect(await finder.electronBinary({ packageDir: pkg.dir, env })).toEqual({
        missing: finder.ELECTRON_REASONS.overrideMissing(join(dist, 'electron')),
      });
      writeFileSync(join(dist, 'electron'), '');
      expect(await finder.electronBinary({ packageDir: pkg.dir, env })).toEqual({ path: join(dist, 'electron') });
      expect(existsSync(pkg.ranMarker)).toBe(false);

      const empty = join(dist, 'no-package');
      mkdirSync(empty);
      expect(await finder.electronBinary({ packageDir: empty, env: ENV })).toEqual({
        missing: finder.ELECTRON_REASONS.notInstalled,
      });
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  test('npm run dev: electron-vite’s dev mode on the package’s binary, else browser mode with the reason', async () => {
    const electronVite = '/project/node_modules/electron-vite/bin/electron-vite.js';
    const present = fake({ download: 'fails', downloader: true, binaryPresent: true });
    const binary = await finder.electronBinary({ packageDir: present.dir, env: ENV });
    const dev = plans.devLaunchPlan(binary, { electronVite, platform: 'linux', env: { HOME: '/home/me' } });
    expect(dev).toEqual({
      what: 'Electron',
      command: process.execPath,
      args: [electronVite, 'dev', '--watch'],
      sandboxHelper: join(present.dir, 'dist', 'chrome-sandbox'),
      env: { HOME: '/home/me', ELECTRON_EXEC_PATH: present.binary },
    });

    const refused = fake({ download: 'fails', downloader: true });
    const why = (await finder.electronBinary({ packageDir: refused.dir, env: ENV })) as { missing: string };
    expect(plans.devLaunchPlan(why, { electronVite, serveArgs: ['--port', '0'] })).toEqual(
      plans.launchPlan(why, { serveArgs: ['--port', '0'] }),
    );
  });

  test('starts Electron without the Linux sandbox hint elsewhere', () => {
    expect(plans.launchPlan({ path: '/Applications/Electron.app/x' }, { platform: 'darwin' }).sandboxHelper).toBe(
      undefined,
    );
  });
});

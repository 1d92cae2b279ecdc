// `npm run dev`: the studio while its sources change. The bundles electron-vite does not build
// (engine, CLI, trainer page: scripts/bundles.mjs) are built, then rebuilt on change; with
// Electron's binary (asked of the package as `npm start` does) electron-vite's dev mode runs the
// app, otherwise browser mode serves a renderer that is rebuilt on change, saying why.
import { context } from 'esbuild';
import { watch } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUNDLES, copyTrainerPage, TRAINER_PAGE } from './bundles.mjs';
import { electronBinary } from './electron-binary.mjs';
import { runChild } from './launch-outcome.mjs';
import { devLaunchPlan, START_MESSAGES } from './launch-plan.mjs';

const require = createRequire(import.meta.url);

/** Builds every bundle once (the app loads them from out/ at start), then on each change. */
async function watchBundles() {
  const contexts = await Promise.all(BUNDLES.map((options) => context(options)));
  await Promise.all(contexts.map((built) => built.rebuild()));
  await copyTrainerPage();
  await Promise.all(contexts.map((built) => built.watch()));
  const page = watch(TRAINER_PAGE.from, () => void copyTrainerPage());
  return async () => {
    page.close();
    await Promise.all(contexts.map((built) => built.dispose()));
  };
}

/** Browser mode has no dev server: the renderer is rebuilt into out/renderer on change. */
async function watchRenderer() {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const { config } = await resolveConfig({}, 'build', 'production');
  const renderer = config.renderer;
  // Not emptied: the trainer page's bundle lives in the same folder, from esbuild.
  const watcher = await build({ ...renderer, build: { ...renderer.build, emptyOutDir: false, watch: {} } });
  // The first build (or its error, which vite prints) before the server starts.
  await new Promise((resolve) =>
    watcher.on('event', (event) => {
      if (event.code === 'END' || event.code === 'ERROR') resolve(undefined);
    }),
  );
  return () => watcher.close();
}

const binary = await electronBinary({ onDownload: (version) => console.log(START_MESSAGES.downloading(version)) });
const electronVite = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const launch = devLaunchPlan(binary, { electronVite, serveArgs: process.argv.slice(2) });
if (launch.notice) console.log(launch.notice);

const stops = [await watchBundles()];
if ('missing' in binary) stops.push(await watchRenderer());
console.log(START_MESSAGES.devRebuilds);

const { exitCode, message } = await runChild(launch);
if (message) console.error(message);
await Promise.all(stops.map((stop) => stop()));
process.exit(exitCode);

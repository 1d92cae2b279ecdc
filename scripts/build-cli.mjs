// Builds what electron-vite does not (scripts/bundles.mjs): the engine, the CLI and the trainer page.
import { build } from 'esbuild';
import { BUNDLES, copyTrainerPage } from './bundles.mjs';

await Promise.all(BUNDLES.map((options) => build(options)));
await copyTrainerPage();

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { describe, expect, test } from 'vitest';
import { PACKAGED_LAYOUT } from '../../../src/main/packaged-paths';

interface FileSet {
  from?: string;
  to?: string;
  filter?: string[];
}

interface BuilderConfig {
  appId?: string;
  productName?: string;
  electronVersion?: string;
  files?: Array<string | FileSet>;
  extraResources?: FileSet[];
  asarUnpack?: string[];
  directories?: { output?: string; buildResources?: string };
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string | string[]; icon?: string };
  mac?: { target?: string | string[]; icon?: string };
}

const root = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  optionalDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

async function loadConfig(): Promise<BuilderConfig> {
  // electron-builder's own loader and schema validator, so a typo fails here, not at release time.
  const { getConfig, validateConfiguration } = await import('app-builder-lib/out/util/config/config.js');
  const { DebugLogger } = await import('builder-util');
  const config = (await getConfig(root, null, null)) as BuilderConfig;
  await validateConfiguration(config as never, new DebugLogger(false));
  return config;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Whether a project-relative file is packed into the app by `files` (include and ! exclude globs). */
function packed(file: string, patterns: string[]): boolean {
  let included = false;
  for (const pattern of patterns) {
    if (pattern.startsWith('!')) {
      if (minimatch(file, pattern.slice(1), { dot: true })) included = false;
    } else if (minimatch(file, pattern, { dot: true })) included = true;
  }
  return included;
}

describe('installer configuration (electron-builder.yml)', () => {
  test('passes electron-builder’s schema and names the app and every installer', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('org.latentdraw.studio');
    expect(config.productName).toBe('LatentDraw');
    expect(config.electronVersion).toBe(pkg.optionalDependencies.electron);
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect([config.win?.target].flat()).toContain('nsis');
    expect([config.mac?.target].flat()).toContain('dmg');
    for (const script of ['dist', 'dist:linux', 'dist:win', 'dist:mac'])
      expect(pkg.scripts[script]).toContain('electron-builder');
  });

  test('has the icons it refers to', async () => {
    const config = await loadConfig();
    const buildDir = config.directories?.buildResources ?? 'build';
    expect(existsSync(join(buildDir, 'icon.png'))).toBe(true);
    const png = readFileSync(join(buildDir, 'icon.png'));
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(512); // width: electron-builder needs ≥ 512 for macOS
    for (const icon of [config.linux?.icon, config.win?.icon, config.mac?.icon].filter(Boolean)) {
      expect(existsSync(icon as string), `${icon} is missing`).toBe(true);
    }
  });

  test('packs everything the app loads at run time', async () => {
    const config = await loadConfig();
    // electron-builder normalises `files` into file sets whose `filter` holds the globs.
    const patterns = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
    const needed = [
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/index.html',
      'out/engine/host.js',
      'out/engine/gradient-worker.js',
    ];
    for (const file of needed) {
      expect(existsSync(file), `${file} is missing: run "npm run build" first`).toBe(true);
      expect(packed(file, patterns), `${file} is not packed`).toBe(true);
    }
    for (const asset of walk('out/renderer').map((f) => relative(root, f))) {
      expect(packed(asset, patterns), `${asset} is not packed`).toBe(true);
    }
    // The engine's dependencies come from node_modules as production dependencies.
    for (const dep of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', 'ws', 'umap-js']) {
      expect(pkg.dependencies[dep], `${dep} must be a dependency to be packed`).toBeDefined();
    }
  });

  test('unpacks the wasm binaries where the packaged engine looks for them', async () => {
    const config = await loadConfig();
    const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
    const wasmFiles = readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'));
    expect(wasmFiles.length).toBeGreaterThan(0);
    for (const file of wasmFiles) {
      const path = `${wasmDir}/${file}`;
      expect(
        (config.asarUnpack ?? []).some((p) => minimatch(path, p)),
        `${path} stays inside app.asar`,
      ).toBe(true);
    }
    // main computes <resources>/app.asar.unpacked/<the same path> for the engine.
    expect(PACKAGED_LAYOUT.wasmDir.split(/[\\/]/).join('/')).toBe(`app.asar.unpacked/${wasmDir}`);
  });

  test('ships the models and sample data where the packaged app looks for them', async () => {
    const config = await loadConfig();
    const shipped = (config.extraResources ?? []).find((r) => r.from === 'resources');
    expect(shipped?.to).toBe(PACKAGED_LAYOUT.resources);
    const files = walk('resources').map((f) => relative('resources', f));
    const filters = shipped?.filter ?? ['**/*'];
    const models = files.filter((f) => f.endsWith('latentdraw.json'));
    expect(models.length).toBeGreaterThanOrEqual(3);
    for (const file of files)
      expect(
        filters.some((p) => minimatch(file, p, { dot: true })),
        `${file} not shipped`,
      ).toBe(true);
    for (const model of models) {
      const folder = model.replace(/latentdraw\.json$/, '');
      for (const part of ['encoder/model.json', 'encoder/weights.bin', 'decoder/model.json', 'decoder/weights.bin']) {
        expect(files).toContain(`${folder}${part}`);
      }
    }
  });
});

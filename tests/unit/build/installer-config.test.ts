import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { minimatch } from 'minimatch';
import { beforeAll, describe, expect, test } from 'vitest';
import { PACKAGED_LAYOUT } from '../../../src/main/packaged-paths';
import { appFiles, checkDebTarget, dependencyRebuilds, type AppFiles, type PlatformName } from './builder-file-sets';
import { closure, packageName, readLock } from './lock-closure';

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
  npmRebuild?: boolean;
  electronFuses?: Record<string, boolean>;
  directories?: { output?: string; buildResources?: string };
  linux?: { target?: string[]; icon?: string };
  win?: { target?: string | string[]; icon?: string };
  mac?: { target?: string | string[]; icon?: string };
}

const root = resolve('.');
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  homepage?: string;
  author?: { name?: string; email?: string };
  optionalDependencies: Record<string, string>;
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
};

/** npm installs these, but the desktop app never runs them (see electron-builder.yml). */
const NOT_SHIPPED = ['electron', 'webgpu', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu'];
/** Electron supports its newest three majors; 45 was the newest when this was written. */
const OLDEST_SUPPORTED_ELECTRON_MAJOR = 43;
const NATIVE = /\.(node|so(\.\d+)*|dll|exe|dylib)$/;

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

const inPackage = (name: string) => (file: string) => file.startsWith(`node_modules/${name}/`);

describe('installer configuration (electron-builder.yml)', () => {
  test('passes electron-builder’s schema and names the app and every installer', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe('org.latentdraw.studio');
    expect(config.productName).toBe('LatentDraw');
    expect(config.linux?.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect([config.win?.target].flat()).toContain('nsis');
    expect([config.mac?.target].flat()).toContain('dmg');
    for (const script of ['dist', 'dist:linux', 'dist:win', 'dist:mac'])
      expect(pkg.scripts[script]).toContain('electron-builder');
  });

  test('embeds the Electron that package.json pins, a supported major', async () => {
    const config = await loadConfig();
    expect(config.electronVersion).toBe(pkg.optionalDependencies.electron);
    expect(Number(config.electronVersion?.split('.')[0])).toBeGreaterThanOrEqual(OLDEST_SUPPORTED_ELECTRON_MAJOR);
    const installed = JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string };
    expect(installed.version, 'node_modules/electron is not the pinned version: run npm install').toBe(
      config.electronVersion,
    );
  });

  test('has what the deb target requires (electron-builder’s own check)', async () => {
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.author?.email).toMatch(/^[^@\s]+@[^@\s]+\.[a-z]+$/);
    await expect(checkDebTarget(root)).resolves.toMatchObject({
      maintainer: `${pkg.author?.name} <${pkg.author?.email}>`,
      url: pkg.homepage,
    });
  });

  test('flips the security fuses', async () => {
    const config = await loadConfig();
    const { resetAdHocDarwinSignature: _signing, ...fuses } = config.electronFuses ?? {};
    expect(fuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  test('signs an unsigned macOS build ad hoc again once the fuses are flipped (Apple Silicon kills it otherwise)', async () => {
    const config = await loadConfig();
    // Passed to @electron/fuses, which re-signs the .app ad hoc after flipping; electron-builder
    // signs after that where it has an identity, and does nothing where it has none.
    expect(config.electronFuses?.resetAdHocDarwinSignature).toBe(true);
    const mac = (config.mac ?? {}) as { identity?: string | null };
    expect(mac.identity, 'an identity here would override a real one on release machines').toBeUndefined();
  });

  test('rebuilds no dependency for Electron: the app ships no native module, and native TensorFlow does not build', async () => {
    const config = await loadConfig();
    expect(config.npmRebuild).toBe(false);
    // electron-builder's own decision, with the rebuild replaced by a recorder.
    expect(await dependencyRebuilds(root)).toEqual([]);
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

  describe.each<PlatformName>(['LINUX', 'WINDOWS'])('the app archive electron-builder computes for %s', (platform) => {
    let app: AppFiles;
    let packed: Set<string>;
    let sources: Set<string>;
    beforeAll(async () => {
      app = await appFiles(root, platform);
      packed = new Set(app.files.map((f) => f.path));
      sources = new Set(app.files.map((f) => f.source));
    });

    test('holds everything the build wrote, except source maps', () => {
      const needed = [
        'out/main/index.js',
        'out/preload/index.cjs',
        'out/renderer/index.html',
        'out/engine/host.js',
        'out/engine/gradient-worker.js',
        // Training: the engine's trainer thread, and the GPU trainer window's page and preload.
        'out/engine/trainer-thread.js',
        'out/renderer/trainer/index.html',
        'out/renderer/trainer/trainer.js',
        'out/preload/trainer.cjs',
      ];
      for (const file of needed) expect(existsSync(file), `${file} is missing: run "npm run build" first`).toBe(true);
      const built = walk('out').map((f) => relative(root, f).split('\\').join('/'));
      for (const file of built) expect(packed.has(file), `${file}`).toBe(!file.endsWith('.map'));
    });

    test('holds every production dependency, at every version the lock file needs', () => {
      const lock = readLock();
      // electron-builder re-hoists and dedupes node_modules, so packages are compared by name@version.
      const id = (folder: string) => `${packageName(folder)}@${lock.get(folder)?.version}`;
      const shippedIds = new Set(
        [...sources]
          .filter((s) => lock.has(s.replace(/\/package\.json$/, '')))
          .map((s) => id(s.replace(/\/package\.json$/, ''))),
      );
      for (const folder of closure(lock, Object.keys(pkg.dependencies))) {
        if (!existsSync(join(folder, 'package.json'))) continue; // an optional platform package not installed here
        expect(shippedIds.has(id(folder)), `${id(folder)} (${folder}) is not packed`).toBe(true);
      }
    });

    test('leaves out Electron’s package, Dawn’s binding, native TensorFlow and what only they need', () => {
      for (const name of NOT_SHIPPED) {
        expect(
          app.files.filter((f) => inPackage(name)(f.path)),
          `${name} is packed`,
        ).toEqual([]);
        expect(app.nodeModuleFilter(`node_modules/${name}`, true), `${name} is packed`).toBe(false);
      }
      // The binaries these packages hold on a machine where their downloads worked.
      for (const binary of [
        'node_modules/electron/dist/electron',
        'node_modules/electron/dist/libffmpeg.so',
        'node_modules/electron/dist/ffmpeg.dll',
        'node_modules/webgpu/dist/linux-x64.dawn.node',
        'node_modules/@tensorflow/tfjs-node/lib/napi-v8/tfjs_binding.node',
        'node_modules/@tensorflow/tfjs-node/deps/lib/libtensorflow.so.2',
        'node_modules/@tensorflow/tfjs-node-gpu/deps/lib/libtensorflow.so.2',
      ])
        expect(app.nodeModuleFilter(binary), binary).toBe(false);
      // Nothing native is left for electron-builder to unpack next to the archive.
      expect(app.files.filter((f) => NATIVE.test(f.path)).map((f) => f.path)).toEqual([]);

      const lock = readLock();
      const shipped = closure(lock, Object.keys(pkg.dependencies));
      const onlyTheirs = [...closure(lock, NOT_SHIPPED)].filter((folder) => !shipped.has(folder));
      for (const folder of onlyTheirs) expect(app.nodeModuleFilter(folder, true), `${folder} is packed`).toBe(false);
      for (const folder of shipped) expect(app.nodeModuleFilter(folder, true), `${folder} is left out`).toBe(true);
    });

    test('names no package in its exclusions that the lock file does not need it to', async () => {
      const config = await loadConfig();
      const lock = readLock();
      const shipped = closure(lock, Object.keys(pkg.dependencies));
      const onlyTheirs = new Set([...closure(lock, NOT_SHIPPED)].filter((f) => !shipped.has(f)).map(packageName));
      const patterns = (config.files ?? []).flatMap((f) => (typeof f === 'string' ? [f] : (f.filter ?? [])));
      const named = patterns
        .map((p) => /^!\*\*\/node_modules\/\{?([^{}]+)\}?\{,\/\*\*\/\*\}$/.exec(p)?.[1])
        .filter((names): names is string => names !== undefined)
        .flatMap((names) => names.split(','));
      expect(named.length).toBeGreaterThan(NOT_SHIPPED.length);
      expect(named.filter((name) => !onlyTheirs.has(name))).toEqual([]);
    });
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

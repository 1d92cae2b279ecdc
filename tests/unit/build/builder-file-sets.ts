/**
 * What electron-builder would put into the app's archive, computed by electron-builder itself:
 * its Packager reads package.json and electron-builder.yml, and the same functions `pack` uses
 * (getMainFileMatchers, computeFileSets, computeNodeModuleFileSets) list the files, without
 * downloading or unpacking Electron.
 */
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import type { Stats } from 'node:fs';

const require = createRequire(import.meta.url);

interface FileSet {
  src: string;
  destination: string;
  files: string[];
  metadata: Map<string, Stats>;
}
interface Matcher {
  from: string;
  createFilter(): (file: string, stat: Stats & { moduleFullFilePath?: string }) => boolean;
}
interface PlatformPackager {
  info: unknown;
  platformSpecificBuildOptions: unknown;
  createGetFileMatchersOptions(
    outDir: string,
    arch: number,
    options: unknown,
  ): { macroExpander: (p: string) => string };
  createTargets(names: string[], mapper: (name: string, factory: (outDir: string) => Target) => void): void;
}
interface Target {
  checkOptions(): Promise<unknown>;
}
interface PackagerInternals {
  appDir: string;
  config: unknown;
  _framework: unknown;
  installAppDependencies(platform: PlatformPackager, arch: number): Promise<void>;
  validateConfig(): Promise<void>;
  createHelper(platform: unknown): Promise<PlatformPackager>;
  _appInfo: unknown;
  tempDirManager: { cleanup(): Promise<void> };
}

const { Packager } = require('app-builder-lib/out/packager') as {
  Packager: new (options: { projectDir: string }) => PackagerInternals;
};
const { createElectronFrameworkSupport } = require('app-builder-lib/out/electron/ElectronFramework') as {
  createElectronFrameworkSupport(config: unknown, packager: PackagerInternals): Promise<unknown>;
};
/** Where electron-builder's packager calls installOrRebuild from (its module's exports, looked up at each call). */
const yarn = require('app-builder-lib/out/util/yarn') as { installOrRebuild: (...args: unknown[]) => Promise<void> };
const { AppInfo } = require('app-builder-lib/out/appInfo') as { AppInfo: new (p: unknown, v: null) => unknown };
const { Platform, Arch } = require('app-builder-lib') as {
  Platform: Record<'LINUX' | 'WINDOWS', unknown>;
  Arch: Record<'x64', number>;
};
const fileMatcher = require('app-builder-lib/out/fileMatcher') as {
  getMainFileMatchers(...args: unknown[]): Matcher[];
  getNodeModuleFileMatcher(...args: unknown[]): Matcher;
};
const copier = require('app-builder-lib/out/util/appFileCopier') as {
  computeFileSets(
    matchers: Matcher[],
    transformer: null,
    packager: PlatformPackager,
    compile: false,
  ): Promise<FileSet[]>;
  computeNodeModuleFileSets(packager: PlatformPackager, matcher: Matcher): Promise<FileSet[]>;
  getDestinationPath(file: string, set: FileSet): string;
};

export type PlatformName = 'LINUX' | 'WINDOWS';

export interface PackedFile {
  /** Path inside the app archive, with forward slashes ("node_modules/ws/index.js"). */
  path: string;
  /** Where it comes from, relative to the project (electron-builder may re-hoist node_modules). */
  source: string;
  size: number;
}

export interface AppFiles {
  files: PackedFile[];
  /** electron-builder's filter for files under node_modules, given a path relative to the project. */
  nodeModuleFilter(path: string, isDirectory?: boolean): boolean;
}

const APP = join(sep, 'app');

async function platformPackager(projectDir: string, platform: PlatformName) {
  const packager = new Packager({ projectDir });
  await packager.validateConfig();
  packager._appInfo = new AppInfo(packager, null);
  return { packager, helper: await packager.createHelper(Platform[platform]) };
}

export async function appFiles(projectDir: string, platform: PlatformName): Promise<AppFiles> {
  const { packager, helper } = await platformPackager(projectDir, platform);
  const outDir = join(projectDir, 'dist');
  const options = helper.createGetFileMatchersOptions(outDir, Arch.x64, helper.platformSpecificBuildOptions);
  const main = fileMatcher.getMainFileMatchers(
    packager.appDir,
    APP,
    options.macroExpander,
    helper.platformSpecificBuildOptions,
    helper,
    outDir,
    false,
  );
  const modules = fileMatcher.getNodeModuleFileMatcher(
    packager.appDir,
    APP,
    options.macroExpander,
    helper.platformSpecificBuildOptions,
    helper.info,
  );
  try {
    const sets = [
      ...(await copier.computeFileSets(main, null, helper, false)),
      ...(await copier.computeNodeModuleFileSets(helper, modules)),
    ];
    const files: PackedFile[] = [];
    for (const set of sets) {
      for (const file of set.files) {
        const stat = set.metadata.get(file);
        if (!stat?.isFile()) continue;
        const path = relative(APP, copier.getDestinationPath(file, set)).split(sep).join('/');
        files.push({ path, source: relative(projectDir, file).split(sep).join('/'), size: stat.size });
      }
    }
    const filter = modules.createFilter();
    const nodeModuleFilter = (path: string, isDirectory = false) =>
      filter(join(modules.from, path), {
        isDirectory: () => isDirectory,
        isFile: () => !isDirectory,
        moduleFullFilePath: path,
      } as Stats & { moduleFullFilePath: string });
    return { files, nodeModuleFilter };
  } finally {
    await packager.tempDirManager.cleanup();
  }
}

/** electron-builder's own pre-flight check of the deb target (maintainer, homepage). */
export async function checkDebTarget(projectDir: string): Promise<unknown> {
  const { packager, helper } = await platformPackager(projectDir, 'LINUX');
  try {
    let deb: Target | undefined;
    helper.createTargets(['deb'], (_name, factory) => (deb = factory(join(projectDir, 'dist'))));
    return await deb!.checkOptions();
  } finally {
    await packager.tempDirManager.cleanup();
  }
}

/**
 * The dependency rebuilds electron-builder would run before packing for Linux x64: its own
 * installAppDependencies decides, with the rebuild itself (@electron/rebuild) replaced by a
 * recorder of the platform and arch each call was for.
 */
export async function dependencyRebuilds(projectDir: string): Promise<unknown[]> {
  const { packager, helper } = await platformPackager(projectDir, 'LINUX');
  const original = yarn.installOrRebuild;
  const calls: unknown[] = [];
  yarn.installOrRebuild = async (_config, _dirs, options) => {
    calls.push(options);
  };
  try {
    packager._framework = await createElectronFrameworkSupport(packager.config, packager);
    await packager.installAppDependencies(helper, Arch.x64);
    return calls;
  } finally {
    yarn.installOrRebuild = original;
    await packager.tempDirManager.cleanup();
  }
}

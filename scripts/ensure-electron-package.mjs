// Electron is an optional dependency, and npm skips it where it cannot install it: on a Node
// older than its engines (Electron 45 declares >= 22.12), or where it fails. The build and the
// type checker still need its JavaScript side (types, version), so fetch the package alone,
// without its dependencies. Its binary is downloaded on first use by the package (not by npm
// install), and here its downloader (@electron/get) is absent, so `npm start` says so and runs
// browser mode (scripts/electron-binary.mjs).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = process.cwd();
const target = join(root, 'node_modules', 'electron');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const version = pkg.optionalDependencies?.electron;

if (existsSync(join(target, 'package.json')) || !version) process.exit(0);

const npmCli = process.env.npm_execpath;
const npm = (args, cwd) =>
  npmCli
    ? execFileSync(process.execPath, [npmCli, ...args], { cwd, encoding: 'utf8' })
    : execFileSync('npm', args, { cwd, encoding: 'utf8', shell: process.platform === 'win32' });

const scratch = mkdtempSync(join(tmpdir(), 'latentdraw-electron-'));
try {
  npm(['pack', `electron@${version}`, '--silent', '--pack-destination', scratch], scratch);
  const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(scratch, tarball), '-C', target, '--strip-components=1']);
  console.log(
    `electron ${version}: npm skipped it here; installed its package alone, for types and builds (npm start will use browser mode).`,
  );
} catch (error) {
  // Never fail the install for this: only type checking of src/main needs the package.
  console.warn(`electron ${version}: could not fetch its package (${error.message}).`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

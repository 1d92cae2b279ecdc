import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './temp-folder';

/** What the fake package's install.js does when run (the real one downloads with @electron/get). */
export type FakeDownload =
  /** Writes path.txt and dist/<binary>, as the real one does after a download. */
  | 'succeeds'
  /** Dies as the real one does when the host is unreachable: the error's stack on stderr, exit 1. */
  | 'fails'
  /** Never finishes. */
  | 'hangs'
  /** Exits 0 having written nothing. */
  | 'writes-nothing';

export interface FakeElectronPackage {
  /** The package folder (node_modules/electron in a real checkout). */
  dir: string;
  /** Where its binary is once present. */
  binary: string;
  /** A file install.js writes first whenever it runs. */
  ranMarker: string;
  remove(): void;
}

export const FAKE_ELECTRON_VERSION = '45.3.4';
export const FAKE_DOWNLOAD_ERROR = 'RequestError: getaddrinfo ENOTFOUND github.com';

const INSTALL_JS: Record<FakeDownload, string> = {
  succeeds: `fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });
fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), '#!/bin/sh\\n', { mode: 0o755 });
fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');`,
  fails: `const error = new Error(${JSON.stringify(FAKE_DOWNLOAD_ERROR.replace('RequestError: ', ''))});
error.name = 'RequestError';
console.error(error.stack);
process.exit(1);`,
  hangs: 'setInterval(() => {}, 1000);',
  'writes-nothing': '',
};

/**
 * An electron package folder as npm leaves it (package.json, index.js, install.js; no binary),
 * with its downloader beside it or not, and an install.js that behaves as told.
 */
export function fakeElectronPackage(options: {
  download: FakeDownload;
  /** @electron/get installed beside the package (npm leaves it out on a Node below engines). */
  downloader: boolean;
  /** The package's engines.node. */
  nodeRange?: string;
  /** Already downloaded: path.txt and the binary present. */
  binaryPresent?: boolean;
}): FakeElectronPackage {
  const root = tempDir('fake-electron');
  const dir = join(root, 'node_modules', 'electron');
  mkdirSync(dir, { recursive: true });
  const pkg = { name: 'electron', version: FAKE_ELECTRON_VERSION, engines: { node: options.nodeRange ?? '>= 20.0.0' } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
  const ranMarker = join(root, 'install-ran');
  writeFileSync(
    join(dir, 'install.js'),
    `const fs = require('fs');
const path = require('path');
fs.writeFileSync(${JSON.stringify(ranMarker)}, '');
require('@electron/get');
${INSTALL_JS[options.download]}
`,
  );
  if (options.downloader) {
    const get = join(root, 'node_modules', '@electron', 'get');
    mkdirSync(get, { recursive: true });
    writeFileSync(
      join(get, 'package.json'),
      JSON.stringify({ name: '@electron/get', version: '5.0.0', main: 'index.js' }),
    );
    writeFileSync(join(get, 'index.js'), 'exports.downloadArtifact = async () => { throw new Error("offline"); };');
  }
  const binary = join(dir, 'dist', 'electron');
  if (options.binaryPresent) {
    mkdirSync(join(dir, 'dist'));
    writeFileSync(binary, '#!/bin/sh\n');
    chmodSync(binary, 0o755);
    writeFileSync(join(dir, 'path.txt'), 'electron');
  }
  return { dir, binary, ranMarker, remove: () => rmSync(root, { recursive: true, force: true }) };
}

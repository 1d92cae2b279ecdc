/**
 * Import benchmark: parse + rasterise (cookbook32) a large Quick, Draw! .bin, against the
 * Deep Learning Cookbook's PIL importer on the same file in the same run.
 *
 *   npx tsx bench/import/run.ts [--drawings 200000] [--size-gb 1] [--peer-limit N] [--json] [--keep]
 *
 * The file is the 49 whole records of the real dog sample repeated; both sides run in their
 * own process, one core each (Node's JS is single-threaded; Python's loop is too).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sharedData } from '../../tests/helpers/shared-data';

const here = dirname(fileURLToPath(import.meta.url));
const WHOLE_RECORD_BYTES = 8161; // the sample's 49 complete drawings (the 50th is cut off)

interface Result {
  impl: string;
  drawings: number;
  seconds: number;
  drawingsPerSecond: number;
  cpuSeconds: number;
  drawingsPerCpuSecond: number;
  peakRssMB: number;
  checksum?: number;
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

function buildFile(
  path: string,
  targetDrawings: number,
  targetBytes: number | undefined,
): { drawings: number; bytes: number } {
  const unit = readFileSync(sharedData('quickdraw/binary/dog.truncated-8192.bin')).subarray(0, WHOLE_RECORD_BYTES);
  const perUnit = 49;
  const units = targetBytes ? Math.ceil(targetBytes / unit.length) : Math.ceil(targetDrawings / perUnit);
  const block = Buffer.concat(Array.from({ length: 128 }, () => unit));
  const fd = openSync(path, 'w');
  let written = 0;
  for (let u = 0; u < units; u += 128) {
    const n = Math.min(128, units - u);
    writeSync(fd, n === 128 ? block : block.subarray(0, n * unit.length));
    written += n;
  }
  closeSync(fd);
  return { drawings: written * perUnit, bytes: statSync(path).size };
}

function runJson(command: string, args: string[]): Result {
  const r = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as Result;
}

/** The first python3 that has PIL and numpy (pyenv shims may hide Debian's python3-pil). */
function peerPython(): string | undefined {
  for (const python of [process.env.PYTHON ?? 'python3', '/usr/bin/python3']) {
    try {
      execFileSync(python, ['-c', 'import PIL, numpy'], { stdio: 'pipe' });
      return python;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

const NO_PEER = 'python3 with PIL and numpy not found (apt-get install python3-pil python3-numpy)';

function main(): void {
  const json = process.argv.includes('--json');
  const sizeGb = arg('--size-gb');
  const targetBytes = sizeGb ? Number(sizeGb) * 1024 ** 3 : undefined;
  const targetDrawings = Number(arg('--drawings') ?? 200_000);
  const dir = mkdtempSync(join(tmpdir(), 'latentdraw-bench-'));
  const path = join(dir, 'dog-repeated.bin');
  try {
    const built = buildFile(path, targetDrawings, targetBytes);
    const peerLimit = Number(arg('--peer-limit') ?? Math.min(built.drawings, 200_000));
    const tsx = join(here, '../../node_modules/tsx/dist/esm/index.mjs');
    const ours = runJson(process.execPath, ['--import', tsx, join(here, 'parse-rasterize.ts'), path]);
    const python = peerPython();
    const missing = python ? undefined : NO_PEER;
    const peer = python ? runJson(python, [join(here, 'peer_cookbook_pil.py'), path, String(peerLimit)]) : undefined;
    // CPU seconds are the fair "one core" measure on a shared machine; wall time is shown too.
    const ratio = peer ? ours.drawingsPerCpuSecond / peer.drawingsPerCpuSecond : undefined;
    const wallRatio = peer ? ours.drawingsPerSecond / peer.drawingsPerSecond : undefined;
    if (json) {
      console.log(JSON.stringify({ type: 'file', drawings: built.drawings, bytes: built.bytes }));
      console.log(JSON.stringify({ type: 'result', ...ours }));
      if (peer) console.log(JSON.stringify({ type: 'result', ...peer }));
      else console.log(JSON.stringify({ type: 'peer-skipped', reason: missing }));
      if (ratio !== undefined) console.log(JSON.stringify({ type: 'ratio', perCpuSecond: ratio, wall: wallRatio }));
    } else {
      console.log(
        `file: ${built.drawings} drawings, ${(built.bytes / 1024 ** 2).toFixed(1)} MiB (real dog records repeated)`,
      );
      console.log('impl                    drawings   wall s    CPU s   drawings/s  drawings/CPU-s  peak RSS MB');
      for (const r of peer ? [ours, peer] : [ours]) {
        console.log(
          [
            r.impl.padEnd(22),
            String(r.drawings).padStart(9),
            r.seconds.toFixed(2).padStart(8),
            r.cpuSeconds.toFixed(2).padStart(8),
            Math.round(r.drawingsPerSecond).toString().padStart(12),
            Math.round(r.drawingsPerCpuSecond).toString().padStart(15),
            r.peakRssMB.toFixed(0).padStart(12),
          ].join(' '),
        );
      }
      if (missing) console.log(`peer skipped: ${missing}`);
      if (ratio !== undefined && wallRatio !== undefined) {
        console.log(
          `throughput ratio (latentdraw / cookbook PIL): ${ratio.toFixed(1)}× per CPU second, ${wallRatio.toFixed(1)}× wall`,
        );
      }
    }
  } finally {
    if (!process.argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

main();

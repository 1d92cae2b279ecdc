import type { CliCommand, CliIo } from '../command';
import { inspectFile, type FileSummary } from '../../engine/data/inspect';

const USAGE = 'latentdraw inspect FILE… [--json]';

function top(map: Record<string, number>, n: number): string {
  const entries = Object.entries(map).sort((a, b) => b[1] - a[1]);
  const shown = entries.slice(0, n).map(([k, v]) => `${k} ${v}`);
  if (entries.length > n) shown.push(`… ${entries.length - n} more`);
  return shown.join(', ') || '-';
}

function printHuman(s: FileSummary, io: CliIo): void {
  io.out(`${s.path}`);
  io.out(`  format      ${s.format}${s.gzip ? ' (gzip)' : ''}`);
  if (s.drawings > 0 || s.format.startsWith('quickdraw')) {
    io.out(`  drawings    ${s.drawings}`);
    io.out(`  strokes     ${s.strokes}`);
    io.out(`  points      ${s.points}`);
    io.out(`  recognized  ${s.recognized}`);
    io.out(`  countries   ${top(s.countries, 8)}`);
  }
  if (s.images > 0) io.out(`  images      ${s.images}`);
  if (s.labels > 0) io.out(`  labels      ${s.labels}`);
  io.out(`  categories  ${top(s.categories, 12)}`);
  io.out(`  complete    ${s.complete ? 'yes' : 'no'}`);
  for (const p of s.problems) {
    const where = `record ${p.recordIndex}, byte ${p.byteOffset}${p.line === undefined ? '' : `, line ${p.line}`}`;
    io.out(`  problem     ${where}: ${p.message}`);
  }
}

export const command: CliCommand = {
  name: 'inspect',
  summary: 'Read a data file (Quick, Draw! .bin/.ndjson, .npy bitmaps, IDX) and report what is in it',
  usage: USAGE,
  async run(argv, io) {
    const json = argv.includes('--json');
    const files = argv.filter((a) => a !== '--json');
    const unknown = files.find((a) => a.startsWith('--'));
    if (files.length === 0 || unknown) {
      io.err(unknown ? `unknown option ${unknown}` : 'no file given');
      io.err(`usage: ${USAGE}`);
      return 2;
    }
    let allComplete = true;
    for (const path of files) {
      const summary = await inspectFile(path);
      allComplete &&= summary.complete;
      if (json) io.out(JSON.stringify(summary));
      else printHuman(summary, io);
    }
    return allComplete ? 0 : 1;
  },
};

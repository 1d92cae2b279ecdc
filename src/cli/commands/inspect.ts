import { ARG_ERRORS, parseArgs } from '../args';
import { type CliCommand, type CliIo, defineCommand, jsonFlag, UsageError } from '../command';
import { inspectFile, type FileSummary } from '../../engine/data/inspect';

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

export const command: CliCommand = defineCommand({
  name: 'inspect',
  summary: 'Read a data file (Quick, Draw! .bin/.ndjson, .npy bitmaps, IDX) and report what is in it',
  operands: 'FILE…',
  flags: [jsonFlag('one line per file')],
  async run(argv, io) {
    const args = parseArgs(argv, command);
    const json = args.flags.has('json');
    if (args.positional.length === 0) throw new UsageError(ARG_ERRORS.noFile);
    let allComplete = true;
    for (const path of args.positional) {
      const summary = await inspectFile(path);
      allComplete &&= summary.complete;
      if (json) io.out(JSON.stringify(summary));
      else printHuman(summary, io);
    }
    return allComplete ? 0 : 1;
  },
});

import type { CliCommand, CliIo } from '../command';
import { DatasetStore } from '../../engine/data/store/dataset-store';
import { importFiles } from '../../engine/data/store/import';
import type { ImportResult } from '../../engine/data/store/manifest.types';
import { DataErrors } from '../../engine/data/errors';
import { problemCount } from '../../engine/data/formats/parse-context';

const USAGE = 'latentdraw import FILE… [--category NAME] [--limit N] [--name NAME] [--json]';

interface ImportArgs {
  files: string[];
  category?: string;
  limit?: number;
  name?: string;
  json: boolean;
}

function parseArgs(argv: string[]): ImportArgs | string {
  const args: ImportArgs = { files: [], json: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--category' || a === '--name' || a === '--limit') {
      const value = argv[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--limit') {
        const n = Number(value);
        if (!Number.isInteger(n) || n <= 0) return `--limit must be a positive integer, not "${value}"`;
        args.limit = n;
      } else if (a === '--category') args.category = value;
      else args.name = value;
    } else if (a.startsWith('--')) return `unknown option ${a}`;
    else args.files.push(a);
  }
  if (args.files.length === 0) return 'no file given';
  return args;
}

function printHuman(result: ImportResult, io: CliIo): void {
  for (const f of result.files) {
    io.out(
      `${f.path}: ${f.format}, ${f.added} added, ${f.duplicates} duplicates, ${problemCount(f.problems)} problems`,
    );
    for (const p of f.problems) {
      const where = `record ${p.recordIndex}, byte ${p.byteOffset}${p.line === undefined ? '' : `, line ${p.line}`}`;
      io.out(`  problem ${where}: ${p.message}`);
    }
  }
  const d = result.dataset;
  if (d) io.out(`dataset ${d.id} "${d.name}": ${d.count} items, categories ${d.categories.join(', ')}`);
}

export const command: CliCommand = {
  name: 'import',
  summary: 'Import data files into a new dataset in the store (LATENTDRAW_HOME respected)',
  usage: USAGE,
  async run(argv, io) {
    const args = parseArgs(argv);
    if (typeof args === 'string') {
      io.err(args);
      io.err(`usage: ${USAGE}`);
      return 2;
    }
    const store = new DatasetStore();
    const result = await importFiles(store, args.files, {
      category: args.category,
      limit: args.limit,
      datasetName: args.name,
    });
    if (args.json) {
      for (const f of result.files) io.out(JSON.stringify({ type: 'file', ...f }));
      io.out(JSON.stringify({ type: 'dataset', dataset: result.dataset }));
    } else {
      printHuman(result, io);
    }
    if (!result.dataset) {
      io.err(DataErrors.nothingImported);
      return 1;
    }
    return 0;
  },
};

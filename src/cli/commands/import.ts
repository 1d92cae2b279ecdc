import { ARG_ERRORS, numberFlag, parseArgs, stringFlag } from '../args';
import { type CliCommand, type CliIo, defineCommand, jsonFlag, UsageError } from '../command';
import { DatasetStore } from '../../engine/data/store/dataset-store';
import { importFiles } from '../../engine/data/store/import';
import type { ImportResult } from '../../engine/data/store/manifest.types';
import { DataErrors } from '../../engine/data/errors';
import { problemCount } from '../../engine/data/formats/parse-context';

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

export const command: CliCommand = defineCommand({
  name: 'import',
  summary: 'Import data files into a new dataset in the store (LATENTDRAW_HOME respected)',
  operands: 'FILE…',
  flags: [
    {
      name: 'category',
      value: 'NAME',
      about: 'the category every item is filed under',
      default: "each drawing's word, each image's label, else the file's name",
    },
    { name: 'limit', value: 'N', about: 'import at most N items in all', default: 'all of them' },
    { name: 'name', value: 'NAME', about: "the dataset's name", default: 'its first categories' },
    jsonFlag('one line per file and one for the dataset'),
  ],
  async run(argv, io) {
    const args = parseArgs(argv, command);
    if (args.positional.length === 0) throw new UsageError(ARG_ERRORS.noFile);
    const store = new DatasetStore();
    const result = await importFiles(store, args.positional, {
      category: stringFlag(args, 'category'),
      limit: numberFlag(args, 'limit', { integer: true, min: 1 }),
      datasetName: stringFlag(args, 'name'),
    });
    if (args.flags.has('json')) {
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
});

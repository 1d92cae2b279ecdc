import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectBackend, trainingBackends } from '../../engine/backend/select';
import { listModels } from '../../engine/catalog/list-models';
import { dataFolders } from '../../engine/paths';
import { appPaths } from '../app-paths';
import { parseArgs } from '../args';
import { type CliCommand, defineCommand, jsonFlag } from '../command';

export const command: CliCommand = defineCommand({
  name: 'info',
  summary: 'version, compute backends (with why each is or is not available) and known models',
  flags: [jsonFlag('the report')],
  async run(argv, io) {
    const args = parseArgs(argv, command);
    const pkg = JSON.parse(readFileSync(appPaths.packageJson(), 'utf8')) as { version: string };
    const report = await selectBackend();
    const folders = dataFolders();
    const models = await listModels(join(appPaths.resources(), 'models'), folders.models);
    const info = {
      name: 'LatentDraw',
      version: pkg.version,
      node: process.versions.node,
      backend: report.backend,
      // Every backend, WebGPU included (training may use it; inference stays on the CPU).
      backends: await trainingBackends(report),
      dataHome: folders.home,
      models,
    };
    if (args.flags.has('json')) {
      io.out(JSON.stringify(info));
      return 0;
    }
    io.out(`LatentDraw ${info.version} (Node ${info.node})`);
    io.out(`backend: ${info.backend}`);
    for (const status of info.backends) {
      const adapter = status.adapter
        ? ` — ${[status.adapter.vendor, status.adapter.architecture, status.adapter.description].filter(Boolean).join(', ')}`
        : '';
      io.out(`  ${status.available ? '✓' : '✗'} ${status.name.padEnd(15)} ${status.reason ?? 'available'}${adapter}`);
    }
    io.out(`data folder: ${info.dataHome}`);
    io.out(models.length ? 'models:' : 'models: none yet');
    for (const m of models) {
      const mark = m.default ? ' (default)' : '';
      io.out(`  ${m.id.padEnd(28)} ${m.kind.padEnd(10)} latent ${m.latentSize}  ${m.recipe}  (${m.dataset})${mark}`);
      if (m.purpose) io.out(`  ${''.padEnd(28)} ${m.purpose}`);
    }
    return 0;
  },
});

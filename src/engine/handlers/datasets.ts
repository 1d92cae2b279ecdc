import type { Request } from '../../shared/contract/index';
import { datasetInfo } from '../jobs/dataset-views';
import { ImportJobs } from '../jobs/import-jobs';
import type { EngineContext } from '../context';

/** The dataset store lives in the data home; imports run one at a time with progress events. */
export function datasetsHandlers(context: EngineContext) {
  const store = context.datasets;
  const imports = new ImportJobs(store, context.emit);
  return {
    'datasets:list': async () => (await store.list()).map(datasetInfo),
    'datasets:import-paths': async (request: Request<'datasets:import-paths'>) => imports.run(request),
    'datasets:cancel-import': async () => ({ cancelled: imports.cancel() }),
    'datasets:rename': async ({ id, name }: Request<'datasets:rename'>) => datasetInfo(await store.rename(id, name)),
    'datasets:delete': async ({ id }: Request<'datasets:delete'>) => {
      await store.delete(id);
      return { deleted: id };
    },
    'datasets:preview': async ({ id, count }: Request<'datasets:preview'>) => store.preview(id, count),
  };
}

import type { Request } from '../../shared/contract/index';
import { TrainingJobs } from '../jobs/training-jobs';
import { listTrainingSources } from '../jobs/training-sources';
import type { EngineContext } from '../context';

export function trainingHandlers(context: EngineContext) {
  const store = context.datasets;
  const jobs = new TrainingJobs({
    dataHome: context.config.dataHome,
    resourcesDir: context.config.resourcesDir,
    store,
    models: context.models,
    emit: context.emit,
    trainers: context.trainers,
    backend: context.backend,
  });
  return {
    'training:sources': async () => listTrainingSources(store, context.config.resourcesDir),
    'training:capabilities': () => jobs.capabilities(),
    'training:status': async () => jobs.current,
    'training:start': async (request: Request<'training:start'>) => jobs.start(request),
    'training:cancel': async () => ({ cancelled: jobs.cancel() }),
  };
}

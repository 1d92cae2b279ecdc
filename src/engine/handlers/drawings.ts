import type { Request } from '../../shared/contract/index';
import { DrawingFiles, drawingToNdjson } from '../jobs/drawing-files';
import { dataFolders } from '../paths';
import type { EngineContext } from '../context';

export function drawingsHandlers(context: EngineContext) {
  const files = new DrawingFiles(dataFolders(context.config.dataHome).drawings);
  return {
    'drawings:list': async () => files.list(),
    'drawings:save': async ({ name, drawing, word }: Request<'drawings:save'>) => files.save(name, drawing, word),
    'drawings:open': async ({ name }: Request<'drawings:open'>) => files.open(name),
    'drawings:delete': async ({ name }: Request<'drawings:delete'>) => {
      await files.delete(name);
      return { deleted: name };
    },
    'drawings:export-ndjson': async ({ drawing, word }: Request<'drawings:export-ndjson'>) => ({
      text: drawingToNdjson(drawing, word),
    }),
  };
}

import type { Stroke } from '../../shared/types/drawing';
import { DrawingFiles, drawingToNdjson } from '../jobs/drawing-files';
import { dataFolders } from '../paths';
import type { EngineContext } from '../context';

export function drawingsHandlers(context: EngineContext) {
  const files = new DrawingFiles(dataFolders(context.config.dataHome).drawings);
  return {
    'drawings:list': async () => files.list(),
    'drawings:save': async ({ name, drawing, word }: { name: string; drawing: Stroke[]; word?: string }) =>
      files.save(name, drawing, word),
    'drawings:open': async ({ name }: { name: string }) => files.open(name),
    'drawings:delete': async ({ name }: { name: string }) => {
      await files.delete(name);
      return { deleted: name };
    },
    'drawings:export-ndjson': async ({ drawing, word }: { drawing: Stroke[]; word?: string }) => ({
      text: drawingToNdjson(drawing, word),
    }),
  };
}

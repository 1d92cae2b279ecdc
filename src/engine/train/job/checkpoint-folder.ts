import { createHash } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';
import { dataFolders } from '../../paths';

/**
 * The checkpoint folder of the run that saves its model to `target`, keyed by the whole
 * resolved path: `ck/cats/vae` and `ck/digits/vae` never share one, so one run never
 * replaces, deletes or resumes another's checkpoints. A model in the data home's own models
 * folder (the studio's) keeps its plain name, `checkpoints/NAME`.
 */
export function checkpointFolderFor(home: string, target: string): string {
  const { models, checkpoints } = dataFolders(home);
  const out = resolve(target);
  const name = basename(out);
  if (dirname(out) === resolve(models)) return join(checkpoints, name);
  const key = createHash('sha256').update(out).digest('hex').slice(0, 12);
  return join(checkpoints, `${name}-${key}`);
}

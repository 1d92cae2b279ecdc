import { BACKEND_NAMES, type BackendName } from '../shared/types/backend';
import { stringFlag, type parseArgs } from './args';
import { UsageError } from './command';

export const BACKEND_FLAG_USAGE = `--backend ${BACKEND_NAMES.join('|')}`;

/** `--backend NAME`: one of the compute backends, or absent for the best available. */
export function backendFlag(args: ReturnType<typeof parseArgs>): BackendName | undefined {
  const value = stringFlag(args, 'backend');
  if (value === undefined) return undefined;
  if (!(BACKEND_NAMES as readonly string[]).includes(value)) {
    throw new UsageError(`--backend must be one of ${BACKEND_NAMES.join(', ')}`);
  }
  return value as BackendName;
}

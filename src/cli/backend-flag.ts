import { BACKEND_NAMES, type BackendName } from '../shared/types/backend';
import { stringFlag, type parseArgs } from './args';
import { type Flag, UsageError } from './command';

export const BACKEND_FLAG: Flag = {
  name: 'backend',
  value: BACKEND_NAMES.join('|'),
  about: 'the compute backend',
  default: 'the best available',
};

/** `--backend NAME`: one of the compute backends, or absent for the best available. */
export function backendFlag(args: ReturnType<typeof parseArgs>): BackendName | undefined {
  const value = stringFlag(args, 'backend');
  if (value === undefined) return undefined;
  if (!(BACKEND_NAMES as readonly string[]).includes(value)) {
    throw new UsageError(`--backend must be one of ${BACKEND_NAMES.join(', ')}`);
  }
  return value as BackendName;
}

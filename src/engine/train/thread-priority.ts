import { setPriority } from 'node:os';

/** Nice value of training threads: the engine's own thread (drawing) always runs first. */
export const TRAINING_NICE = 10;

/**
 * Lowers the calling thread's priority. On Linux a nice value belongs to a thread, and pid 0
 * names the calling one, so this leaves the engine's message loop at its own priority; on
 * macOS and Windows it lowers the whole process, which is also what happens when a host
 * cannot tell threads apart. Failure (a sandbox that forbids it) only costs responsiveness.
 */
export function lowerThreadPriority(nice = TRAINING_NICE): boolean {
  if (process.platform !== 'linux') return false;
  try {
    setPriority(0, nice);
    return true;
  } catch {
    return false;
  }
}

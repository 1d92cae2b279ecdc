import { isProcessAlive } from './process-alive';

/**
 * No atomic write, folder replacement or checkpoint of ours takes this long: a leftover stamped
 * earlier is a dead writer's even if its PID has been reused since.
 */
export const STALE_AFTER_MS = 60 * 60 * 1000;

/** What a leftover's name says of its writer: its PID, and when it began where the name has that. */
export interface WriterStamp {
  pid: number;
  time?: number;
}

/**
 * What this process's own PID on a leftover means: `ours` where a write of this process may be
 * under way (nothing else keeps track of it), `predecessor` where this process knows it has none
 * there (it holds the folder's lock or keeps its own list), so the leftover is a dead process's
 * whose PID this one reuses.
 */
export type OwnPid = 'ours' | 'predecessor';

/**
 * Whether the writer of a leftover may still be running, so that recovery must leave it alone:
 * a live process (a CLI run beside the studio), or this one, as `ownPid` says.
 */
export function writerMayBeRunning({ pid, time }: WriterStamp, ownPid: OwnPid): boolean {
  if (time !== undefined && Date.now() - time > STALE_AFTER_MS) return false;
  if (pid === process.pid) return ownPid === 'ours';
  return isProcessAlive(pid);
}

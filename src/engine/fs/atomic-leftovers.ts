import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ATOMIC_TEMP_PATTERN } from './durable';
import { isProcessAlive } from './process-alive';

/** No atomic write takes this long: an older temp is a dead writer's even if its PID was reused. */
const STALE_AFTER_MS = 60 * 60 * 1000;

/** Whether the write that made a temp may still be running: in this process, or a live one. */
function mayStillBeWriting(pid: number, time: number): boolean {
  if (Date.now() - time > STALE_AFTER_MS) return false;
  return pid === process.pid || isProcessAlive(pid);
}

/**
 * Removes the temp files of atomic writes killed midway in `folder` (a drawing, concept list
 * or manifest being saved when the process died). The real files are never touched; nor is
 * the temp of a write that may still be running.
 */
export async function removeDeadWriteTemps(folder: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = ATOMIC_TEMP_PATTERN.exec(entry);
    if (!m || mayStillBeWriting(Number(m[1]), Number(m[2]))) continue;
    // Something else of that name (a folder) is not ours to remove: rm without recursive refuses it.
    await rm(join(folder, entry), { force: true }).catch(() => undefined);
  }
}

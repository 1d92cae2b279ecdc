import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ATOMIC_TEMP_PATTERN } from './durable';
import { writerMayBeRunning } from './leftover-writer';

/**
 * Removes the temp files of atomic writes killed midway in `folder` (a drawing, concept list
 * or manifest being saved when the process died). The real files are never touched; nor is
 * the temp of a write that may still be running.
 */
export async function removeDeadWriteTemps(folder: string): Promise<void> {
  for (const entry of await readdir(folder).catch(() => [] as string[])) {
    const m = ATOMIC_TEMP_PATTERN.exec(entry);
    // This process keeps no list of its own atomic writes: a temp with its PID may be one under way.
    if (!m || writerMayBeRunning({ pid: Number(m[1]), time: Number(m[2]) }, 'ours')) continue;
    // Something else of that name (a folder) is not ours to remove: rm without recursive refuses it.
    await rm(join(folder, entry), { force: true }).catch(() => undefined);
  }
}

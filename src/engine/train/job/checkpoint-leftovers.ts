import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { recoverReplacedFolders, removeFolder, withFileLock } from '../../fs/atomic';
import { writerMayBeRunning } from '../../fs/leftover-writer';

/** `.epoch-NNNNN.PID.tmp`: an epoch being written by process PID (see writeCheckpoint). */
const CHECKPOINT_TEMP = /^\.epoch-\d+\.(\d+)\.tmp$/;

export function checkpointTempName(epochFolder: string): string {
  return `.${epochFolder}.${process.pid}.tmp`;
}

/**
 * Removes what killed runs left in checkpoint folder `dir`: half-written epoch temporaries
 * (an epoch is megabytes) and interrupted epoch replacements. Runs when a run starts or
 * resumes there. A temporary of a live process (a CLI run beside the studio) is left alone;
 * one with this process's PID is a dead predecessor's (PIDs are reused), as this process
 * writes none while it holds the folder's lock (writeCheckpoint takes it too).
 */
export async function removeDeadCheckpointTemps(dir: string): Promise<void> {
  await withFileLock(dir, async () => {
    for (const entry of await readdir(dir).catch(() => [] as string[])) {
      const pid = Number(CHECKPOINT_TEMP.exec(entry)?.[1]);
      if (!Number.isSafeInteger(pid)) continue;
      if (writerMayBeRunning({ pid }, 'predecessor')) continue;
      await removeFolder(join(dir, entry));
    }
    await recoverReplacedFolders(dir);
  });
}

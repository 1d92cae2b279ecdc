/**
 * Whether a process id names a running process. Temporaries carry their writer's pid, so a
 * recovery never removes the work of a save still running in another process (a CLI train
 * beside the studio). Signal 0 only checks: EPERM means it exists but belongs to someone else.
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

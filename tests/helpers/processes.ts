import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';

/** A real process that idles until it is stopped: its PID is a live writer's. */
export function idleProcess(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
}

/** SIGKILLs `child` and resolves once it is gone. */
export async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGKILL');
  await exited;
}

/** The PID of a process that was killed with SIGKILL: what a killed writer leaves on its files. */
export async function deadPid(): Promise<number> {
  const child = idleProcess();
  await killProcess(child);
  return child.pid!;
}

/**
 * `command args…` with its file-descriptor limit lowered to `fdLimit` (`ulimit -n`, none when
 * undefined): a shell sets the limit and execs the command, so the child's PID is the command's.
 */
export function spawnUnderFdLimit(
  fdLimit: number | undefined,
  command: string,
  args: string[],
  options: SpawnOptions,
): ChildProcess {
  const limit = fdLimit === undefined ? '' : `ulimit -n ${fdLimit} && `;
  return spawn('sh', ['-c', `${limit}exec "$0" "$@"`, command, ...args], options);
}

import { spawn, type ChildProcess } from 'node:child_process';

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

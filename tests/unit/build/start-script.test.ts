import { describe, expect, test } from 'vitest';

interface Outcome {
  exitCode: number;
  message?: string;
}
interface LaunchModule {
  LAUNCH_MESSAGES: {
    sandbox(helper: string): string;
    signal(what: string, signal: string): string;
    spawnFailed(what: string, why: string): string;
  };
  launchOutcome(exit: {
    what: string;
    code: number | null;
    signal: string | null;
    stderr: string;
    forwardedSignal?: string;
    sandboxHelper?: string;
  }): Outcome;
  runChild(launch: { what: string; command: string; args: string[]; sandboxHelper?: string }): Promise<Outcome>;
}

// @ts-expect-error plain JavaScript module of `npm start` (scripts/start.mjs)
const launch = (await import('../../../scripts/launch-outcome.mjs')) as LaunchModule;

const HELPER = '/home/me/latentdraw/node_modules/electron/dist/chrome-sandbox';
// What Electron's Chromium prints on Ubuntu 24.04 before it aborts (SIGTRAP).
const SUID_ABORT =
  '[1201/090000.000000:FATAL:sandbox/linux/suid/client/setuid_sandbox_host.cc:166] The SUID sandbox helper binary ' +
  `was found, but is not configured correctly. Rather than run without sandboxing I'm aborting now. You need to ` +
  `make sure that ${HELPER} is owned by root and has mode 4755.`;

/** A child that writes `stderr` and then ends as told: killed by a signal or with an exit code. */
function child(stderr: string, end: { signal: string } | { code: number }) {
  const finish =
    'signal' in end ? `process.kill(process.pid, ${JSON.stringify(end.signal)})` : `process.exit(${end.code})`;
  return {
    what: 'Electron',
    command: process.execPath,
    args: ['-e', `process.stderr.write(${JSON.stringify(stderr)}, () => ${finish})`],
    sandboxHelper: HELPER,
  };
}

describe('npm start (scripts/start.mjs)', () => {
  test('fails, and says why and what to do, when Chromium’s sandbox aborts Electron', async () => {
    const outcome = await launch.runChild(child(SUID_ABORT, { signal: 'SIGTRAP' }));
    expect(outcome).toEqual({ exitCode: 128 + 5, message: launch.LAUNCH_MESSAGES.sandbox(HELPER) });
    expect(outcome.message).toContain(`sudo chown root:root ${HELPER}`);
    expect(outcome.message).toContain(`sudo chmod 4755 ${HELPER}`);
    expect(outcome.message).toContain('.deb');
    // Chromium's newer wording for the same cause.
    const noUserns = launch.launchOutcome({
      what: 'Electron',
      code: null,
      signal: 'SIGTRAP',
      stderr: 'FATAL:zygote_host_impl_linux.cc(128)] No usable sandbox! If you are running on Ubuntu 23.10+ …',
      sandboxHelper: HELPER,
    });
    expect(noUserns.message).toBe(launch.LAUNCH_MESSAGES.sandbox(HELPER));
  });

  test('fails when the child dies by any other signal, and names it', async () => {
    expect(await launch.runChild(child('', { signal: 'SIGSEGV' }))).toEqual({
      exitCode: 128 + 11,
      message: launch.LAUNCH_MESSAGES.signal('Electron', 'SIGSEGV'),
    });
  });

  test('passes the child’s exit code on, and stays quiet after the person’s own Ctrl+C', async () => {
    expect(await launch.runChild(child('a warning\n', { code: 0 }))).toEqual({ exitCode: 0 });
    expect(await launch.runChild(child('', { code: 3 }))).toEqual({ exitCode: 3 });
    expect(
      launch.launchOutcome({ what: 'Electron', code: null, signal: 'SIGINT', stderr: '', forwardedSignal: 'SIGINT' }),
    ).toEqual({ exitCode: 130 });
    // The sandbox text alone, from a child that then exited cleanly, is no failure.
    expect(
      launch.launchOutcome({ what: 'Electron', code: 0, signal: null, stderr: SUID_ABORT, sandboxHelper: HELPER }),
    ).toEqual({ exitCode: 0 });
  });

  test('fails with the reason when the child cannot be started', async () => {
    const outcome = await launch.runChild({ what: 'Electron', command: '/nonexistent/electron', args: [] });
    expect(outcome.exitCode).toBe(1);
    expect(outcome.message).toMatch(/^LatentDraw: could not start Electron: .*ENOENT/);
  });
});

// How `npm start` runs its child (Electron or browser mode) and what it says when the child
// fails: a child killed by a signal is a failure (exit 128 + the signal's number), and the
// Chromium sandbox abort on Ubuntu 23.10+ gets its cause and what to do.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

// Chromium's own words when it refuses to start without its sandbox.
const SANDBOX_FAILURES = [
  'The SUID sandbox helper binary was found, but is not configured correctly',
  'No usable sandbox!',
];
// Enough of stderr to hold Chromium's fatal line, whatever came before it.
const TAIL_CHARS = 16 * 1024;

export const LAUNCH_MESSAGES = {
  sandbox: (helper) =>
    [
      "LatentDraw: Electron aborted at startup because Chromium's sandbox could not start.",
      'On Ubuntu 23.10 and later, AppArmor blocks the unprivileged user namespaces the sandbox uses.',
      "To run from source, give Electron's sandbox helper the owner and mode it needs:",
      `  sudo chown root:root ${helper}`,
      `  sudo chmod 4755 ${helper}`,
      'To use LatentDraw as an application on Ubuntu, install the .deb package: it ships an AppArmor',
      'profile. Browser mode needs no sandbox: npm run serve.',
    ].join('\n'),
  signal: (what, signal) => `LatentDraw: ${what} was killed by ${signal}.`,
  spawnFailed: (what, why) => `LatentDraw: could not start ${what}: ${why}`,
};

export function signalExitCode(signal) {
  return 128 + (constants.signals[signal] ?? 0);
}

/**
 * The exit code `npm start` should end with, and what to tell the person.
 * @param {{ what: string, code: number | null, signal: string | null, stderr: string,
 *   forwardedSignal?: string, sandboxHelper?: string }} exit
 * @returns {{ exitCode: number, message?: string }}
 */
export function launchOutcome({ what, code, signal, stderr, forwardedSignal, sandboxHelper }) {
  const failed = signal !== null || (code ?? 1) !== 0;
  if (failed && sandboxHelper && SANDBOX_FAILURES.some((line) => stderr.includes(line))) {
    return { exitCode: signal ? signalExitCode(signal) : code || 1, message: LAUNCH_MESSAGES.sandbox(sandboxHelper) };
  }
  if (signal !== null) {
    // Stopped by the signal the person sent (Ctrl+C): nothing to explain.
    if (signal === forwardedSignal) return { exitCode: signalExitCode(signal) };
    return { exitCode: signalExitCode(signal), message: LAUNCH_MESSAGES.signal(what, signal) };
  }
  return { exitCode: code ?? 1 };
}

/**
 * Runs the child with stdin and stdout shared and stderr passed through (and remembered), forwards
 * Ctrl+C and SIGTERM to it, and resolves with its launchOutcome.
 * @param {{ what: string, command: string, args: string[], sandboxHelper?: string, env?: NodeJS.ProcessEnv }} launch
 */
export function runChild({ what, command, args, sandboxHelper, env }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['inherit', 'inherit', 'pipe'], env });
    let stderr = '';
    let forwardedSignal;
    child.stderr.on('data', (chunk) => {
      process.stderr.write(chunk);
      stderr = (stderr + chunk.toString()).slice(-TAIL_CHARS);
    });
    const forwarders = ['SIGINT', 'SIGTERM'].map((signal) => {
      const forward = () => {
        forwardedSignal = signal;
        child.kill(signal);
      };
      process.on(signal, forward);
      return () => process.off(signal, forward);
    });
    const done = (outcome) => {
      for (const remove of forwarders) remove();
      resolve(outcome);
    };
    child.on('error', (error) => done({ exitCode: 1, message: LAUNCH_MESSAGES.spawnFailed(what, error.message) }));
    child.on('close', (code, signal) =>
      done(launchOutcome({ what, code, signal, stderr, forwardedSignal, sandboxHelper })),
    );
  });
}

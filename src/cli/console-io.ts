import type { CliIo } from './command';

/**
 * The reader of stdout is gone (`latentdraw inspect … | head`): nothing more the command prints
 * can be read, so it ends at once and quietly, with status 0, as the reader asked for no more;
 * a Unix tool ends the same way by SIGPIPE, which Node ignores and reports as EPIPE instead.
 */
function endWhenStdoutIsClosed(error: NodeJS.ErrnoException): void {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
}

let watchingStdout = false;

/** stdout and stderr of a process that runs the CLI (bin/latentdraw.js); tests pass their own. */
export const consoleIo: CliIo = {
  out: (line) => {
    // Only a process the CLI owns gets here: one that imports the CLI for main() keeps its stdout as it is.
    if (!watchingStdout) process.stdout.on('error', endWhenStdoutIsClosed);
    watchingStdout = true;
    process.stdout.write(`${line}\n`);
  },
  err: (line) => process.stderr.write(`${line}\n`),
};

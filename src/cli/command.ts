/** Where a command writes; tests capture it instead of stdout/stderr. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  /** Returns the process exit code; throws only for bugs (usage errors return 2). */
  run(argv: string[], io: CliIo): Promise<number>;
}

export class UsageError extends Error {}

/** Where a command writes; tests capture it instead of stdout/stderr. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

/** One flag of a command: its usage, its help and its parsing all read this, so it is described once. */
export interface Flag {
  /** Without the dashes. */
  name: string;
  /** What its value looks like (`N`, `DIR`, `adam|rmsprop|sgd`); none for a switch such as --json. */
  value?: string;
  /** What it does, in a line. */
  about: string;
  /** What the command uses when the flag is absent: a value, or words ("per model kind"). */
  default?: string | number;
  /** The command refuses to run without it. */
  required?: boolean;
}

/** A command as its file defines it. */
export interface CommandSpec {
  name: string;
  summary: string;
  /** What follows the flags in usage, e.g. `FILE…`. */
  operands?: string;
  flags: readonly Flag[];
  /** Returns the process exit code; throws only for bugs (usage errors return 2). */
  run(argv: string[], io: CliIo): Promise<number>;
}

export interface CliCommand extends CommandSpec {
  /** `latentdraw NAME …`, derived from the flags. */
  usage: string;
}

export class UsageError extends Error {}

/** `--json`: what the command prints, as JSON instead of text. */
export const jsonFlag = (what: string): Flag => ({ name: 'json', about: `print ${what} as JSON instead of text` });

/** `--name VALUE` (or `--name` for a switch), in brackets unless required. */
export function flagUsage(flag: Flag): string {
  const text = flag.value ? `--${flag.name} ${flag.value}` : `--${flag.name}`;
  return flag.required ? text : `[${text}]`;
}

/** The command with its usage line made from its flags: required ones, the operands, then the rest. */
export function defineCommand(spec: CommandSpec): CliCommand {
  const required = spec.flags.filter((f) => f.required).map(flagUsage);
  const optional = spec.flags.filter((f) => !f.required).map(flagUsage);
  const usage = ['latentdraw', spec.name, ...required, ...(spec.operands ? [spec.operands] : []), ...optional];
  return { ...spec, usage: usage.join(' ') };
}

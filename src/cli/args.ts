import { UsageError } from './command';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value` and bare `--flag`; booleans must be declared. */
export function parseArgs(argv: string[], booleans: readonly string[] = []): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleans.includes(name)) {
      flags.set(name, true);
    } else if (inline !== undefined) {
      flags.set(name, inline);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
      i++;
    }
  }
  return { positional, flags };
}

export function stringFlag(args: ParsedArgs, name: string): string | undefined {
  const value = args.flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

export function numberFlag(
  args: ParsedArgs,
  name: string,
  options: { min?: number; integer?: boolean } = {},
): number | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value) || (options.integer && !Number.isInteger(value)) || value < (options.min ?? -Infinity)) {
    throw new UsageError(
      `--${name} must be ${options.integer ? 'an integer' : 'a number'}${options.min !== undefined ? ` ≥ ${options.min}` : ''}, got "${raw}"`,
    );
  }
  return value;
}

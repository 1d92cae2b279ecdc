import { SchemaError, type Schema } from '../shared/contract/schema';
import { type Flag, UsageError } from './command';

export interface ParsedArgs {
  positional: string[];
  /** The flags given (a switch as `true`); asking for one the command does not declare throws. */
  flags: Map<string, string | true>;
}

export const ARG_ERRORS = {
  unknownFlag: (name: string, command: string) => `unknown flag --${name} (latentdraw ${command} --help lists them)`,
  needsValue: (name: string) => `--${name} needs a value`,
  noFile: 'no file given',
  undeclared: (name: string) => `--${name} is read but not among the command's flags: declare it there`,
} as const;

/** The flags given, read only by the names the command declares (a typo there is a bug, found at once). */
class GivenFlags extends Map<string, string | true> {
  constructor(private readonly declared: ReadonlySet<string>) {
    super();
  }

  override has(name: string): boolean {
    this.check(name);
    return super.has(name);
  }

  override get(name: string): string | true | undefined {
    this.check(name);
    return super.get(name);
  }

  private check(name: string): void {
    if (!this.declared.has(name)) throw new Error(ARG_ERRORS.undeclared(name));
  }
}

/**
 * `--name value`, `--name=value` and bare `--switch`, for the flags the command declares (a
 * switch is a flag without a value); any other flag is a usage error.
 */
export function parseArgs(argv: string[], command: { name: string; flags: readonly Flag[] }): ParsedArgs {
  const positional: string[] = [];
  const byName = new Map(command.flags.map((f) => [f.name, f]));
  const flags = new GivenFlags(new Set(byName.keys()));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    const flag = byName.get(name);
    if (!flag) throw new UsageError(ARG_ERRORS.unknownFlag(name, command.name));
    if (!flag.value) {
      flags.set(name, true);
    } else if (inline !== undefined) {
      flags.set(name, inline);
    } else {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(ARG_ERRORS.needsValue(name));
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

export const FLAG_ERRORS = {
  outOfRange: (name: string, rule: string, raw: string) => `--${name} must be ${rule}, got "${raw}"`,
} as const;

/**
 * A flag checked by the same schema the studio's requests go through (the contract's), so the
 * CLI and the studio share one set of limits. `convert` turns the text into the schema's input.
 */
export function schemaFlag<T>(
  args: ParsedArgs,
  name: string,
  schema: Schema<T>,
  convert: (raw: string) => unknown = Number,
): T | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  try {
    return schema.parse(convert(raw), `--${name}`);
  } catch (error) {
    if (error instanceof SchemaError)
      throw new UsageError(FLAG_ERRORS.outOfRange(name, schema.describe, raw), { cause: error });
    throw error;
  }
}

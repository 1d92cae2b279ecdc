import { SchemaError, type Schema } from '../shared/contract/schema';
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
  rule: Schema<T> | { inner: Schema<T> },
  convert: (raw: string) => unknown = Number,
): T | undefined {
  const raw = stringFlag(args, name);
  if (raw === undefined) return undefined;
  const schema = 'inner' in rule ? rule.inner : rule;
  try {
    return schema.parse(convert(raw), `--${name}`);
  } catch (error) {
    if (error instanceof SchemaError)
      throw new UsageError(FLAG_ERRORS.outOfRange(name, schema.describe, raw), { cause: error });
    throw error;
  }
}

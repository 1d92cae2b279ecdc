import type { CliCommand, Flag } from './command';

/** `latentdraw NAME --help` and `-h`: asking for a command's help rather than running it. */
export const HELP_FLAGS: readonly string[] = ['--help', '-h'];
export const HELP_HINT =
  "latentdraw COMMAND --help (or latentdraw help COMMAND) shows a command's flags and their defaults.";

function flagNote(flag: Flag): string {
  if (flag.required) return ' (required)';
  return flag.default === undefined ? '' : ` (default: ${flag.default})`;
}

/** Flags are listed in two columns; a flag longer than this gets its line under it. */
const FLAG_COLUMN = 28;

/** A command's help: what it does, its usage, and each flag with what it does and its default. */
export function commandHelp(command: CliCommand): string[] {
  const left = command.flags.map((f) => (f.value ? `--${f.name} ${f.value}` : `--${f.name}`));
  const width = Math.min(FLAG_COLUMN, Math.max(0, ...left.map((l) => l.length)));
  const rows = command.flags.flatMap((f, i) => {
    const about = `${f.about}${flagNote(f)}`;
    return left[i].length > width
      ? [`  ${left[i]}`, `  ${''.padEnd(width)}  ${about}`]
      : [`  ${left[i].padEnd(width)}  ${about}`];
  });
  return [
    `latentdraw ${command.name} — ${command.summary}`,
    '',
    `usage: ${command.usage}`,
    ...(rows.length ? ['', 'flags:', ...rows] : []),
  ];
}

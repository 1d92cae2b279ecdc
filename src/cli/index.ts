import { command as decode } from './commands/decode';
import { command as encode } from './commands/encode';
import { command as importFiles } from './commands/import';
import { command as info } from './commands/info';
import { command as inspect } from './commands/inspect';
import { command as serve } from './commands/serve';
import { command as train } from './commands/train';
import { UsageError, type CliCommand, type CliIo } from './command';
import { explainFsError } from '../engine/fs-errors';
import { commandHelp, HELP_FLAGS, HELP_HINT } from './help';

const commands: CliCommand[] = [info, inspect, importFiles, train, encode, decode, serve];

function help(io: CliIo) {
  io.out('latentdraw — draw, encode and explore the latent space of sketch autoencoders\n');
  io.out('Usage:');
  for (const c of commands) io.out(`  ${c.usage}\n      ${c.summary}`);
  io.out(`\n${HELP_HINT}`);
}

function commandHelpOf(command: CliCommand, io: CliIo): number {
  for (const line of commandHelp(command)) io.out(line);
  return 0;
}

export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
  if (topic) return commandHelpOf(topic, io);
  if (!name || name === 'help' || HELP_FLAGS.includes(name)) {
    help(io);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`latentdraw: unknown command "${name}"`);
    help(io);
    return 2;
  }
  // Before the command parses anything: `--help` is never taken as a flag's value.
  if (rest.some((arg) => HELP_FLAGS.includes(arg))) return commandHelpOf(command, io);
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`latentdraw ${name}: ${error.message}\nusage: ${command.usage}`);
      return 2;
    }
    const explained = explainFsError(error);
    io.err(`latentdraw ${name}: ${explained instanceof Error ? explained.message : String(explained)}`);
    return 1;
  }
}

export { consoleIo } from './console-io';

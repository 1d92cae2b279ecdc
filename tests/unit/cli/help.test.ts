import { describe, expect, test } from 'vitest';
import { ARG_ERRORS, FLAG_ERRORS, parseArgs, stringFlag } from '../../../src/cli/args';
import { defineCommand, UsageError, type CliCommand } from '../../../src/cli/command';
import { command as decode } from '../../../src/cli/commands/decode';
import { command as encode } from '../../../src/cli/commands/encode';
import { command as importFiles } from '../../../src/cli/commands/import';
import { command as info } from '../../../src/cli/commands/info';
import { command as inspect } from '../../../src/cli/commands/inspect';
import { command as serve } from '../../../src/cli/commands/serve';
import { command as train } from '../../../src/cli/commands/train';
import { commandHelp, HELP_HINT } from '../../../src/cli/help';
import { main } from '../../../src/cli/index';
import { TRAINING_DEFAULTS, trainingSettingsFields } from '../../../src/shared/contract/training-settings';

const COMMANDS: CliCommand[] = [info, inspect, importFiles, train, encode, decode, serve];

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('latentdraw COMMAND --help', () => {
  test('train --help prints its usage and every flag with its default, the engine’s own', async () => {
    const { code, out, err } = await run(['train', '--help']);
    expect([code, err]).toEqual([0, '']);
    expect(out).toContain(`usage: ${train.usage}`);
    expect(out).toMatch(
      new RegExp(`--epochs N +passes over the training data \\(default: ${TRAINING_DEFAULTS.epochs}\\)`),
    );
    expect(out).toContain(`(default: ${TRAINING_DEFAULTS.batchSize})`);
    expect(out).toContain(`(default: ${TRAINING_DEFAULTS.learningRate})`);
    expect(out).toMatch(/--out DIR +the folder the trained model is saved to \(required\)/);
    expect(out).toMatch(/--resume +continue the interrupted run/);
  });

  test('train --help shows the values a setting with only a few allows, from its row in the table', async () => {
    const { out } = await run(['train', '--help']);
    expect(out).toMatch(/--workers 1\|2 +threads computing each batch/);
    expect(train.usage).toContain('[--workers 1|2]');
    expect(out).toContain('--epochs N ');
  });

  test.each(COMMANDS.map((c) => [c.name, c]))(
    '%s --help lists each of its flags, from its definitions',
    async (_, c) => {
      const { code, out } = await run([c.name, '--help']);
      expect(code).toBe(0);
      expect(out.split('\n')).toEqual(commandHelp(c));
      for (const flag of c.flags) {
        expect(out).toContain(`--${flag.name}${flag.value ? ` ${flag.value}` : ''}`);
        expect(out).toContain(flag.about);
        if (flag.default !== undefined) expect(out).toContain(`(default: ${flag.default})`);
        // The usage line is made from the same definitions: required flags bare, the others in brackets.
        const usage = flag.value ? `--${flag.name} ${flag.value}` : `--${flag.name}`;
        expect(c.usage).toContain(flag.required ? ` ${usage}` : `[${usage}]`);
      }
    },
  );

  test('-h, `help COMMAND`, and --help after a flag that wants a value all show the help', async () => {
    const help = (await run(['decode', '--help'])).out;
    expect((await run(['decode', '-h'])).out).toBe(help);
    expect((await run(['help', 'decode'])).out).toBe(help);
    const afterFlag = await run(['train', '--data', '--help']);
    expect([afterFlag.code, afterFlag.err]).toEqual([0, '']);
    expect(afterFlag.out).toContain(`usage: ${train.usage}`);
  });

  test('the overall help points at each command’s help', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const c of COMMANDS) expect(out).toContain(c.usage);
    expect(out).toContain(HELP_HINT);
  });

  test('train takes every training setting of the contract’s table as a flag, checked by its schema', async () => {
    const { code, err } = await run(['train', '--model', 'mlp-vae', '--out', 'm', '--data', 'x', '--validation', '2']);
    expect(code).toBe(2);
    expect(err).toContain(FLAG_ERRORS.outOfRange('validation', trainingSettingsFields.validationShare.describe, '2'));
  });

  test('a flag the command does not have is a usage error that points at its help', async () => {
    const { code, err } = await run(['train', '--epoch', '3']);
    expect(code).toBe(2);
    expect(err).toContain(ARG_ERRORS.unknownFlag('epoch', 'train'));
    expect(err).toContain(`usage: ${train.usage}`);
  });
});

describe('flag definitions', () => {
  const probe = defineCommand({
    name: 'probe',
    summary: 'a test command',
    operands: 'FILE…',
    flags: [
      { name: 'out', value: 'DIR', about: 'where', required: true },
      { name: 'json', about: 'as JSON' },
    ],
    run: async () => 0,
  });

  test('make the usage: required flags, operands, then the rest in brackets', () => {
    expect(probe.usage).toBe('latentdraw probe --out DIR FILE… [--json]');
  });

  test('decide what parses: switches take no value, others need one, unknown ones are refused', () => {
    const args = parseArgs(['a', '--json', '--out', 'dir', 'b'], probe);
    expect([args.positional, stringFlag(args, 'out'), args.flags.has('json')]).toEqual([['a', 'b'], 'dir', true]);
    expect(() => parseArgs(['--out'], probe)).toThrow(new UsageError(ARG_ERRORS.needsValue('out')));
    expect(() => parseArgs(['--verbose'], probe)).toThrow(new UsageError(ARG_ERRORS.unknownFlag('verbose', 'probe')));
  });

  test('reading a flag the command does not declare is a bug, caught at the read', () => {
    const args = parseArgs([], probe);
    expect(() => stringFlag(args, 'ouf')).toThrow(ARG_ERRORS.undeclared('ouf'));
    expect(() => args.flags.has('jsn')).toThrow(ARG_ERRORS.undeclared('jsn'));
  });
});

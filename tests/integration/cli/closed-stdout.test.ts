import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { sharedData } from '../../helpers/shared-data';

// Needs ../shared/data.
const cat = sharedData('quickdraw/simplified-ndjson/cat.ndjson');

/** `latentdraw ARGS…` from source with its stdout's reader gone before it prints (`… | head -0`). */
function runWithStdoutClosed(args: string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve('tests/fixtures/cli.ts'), ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((ok) => child.on('close', (code, signal) => ok({ code, signal, stderr })));
}

describe('latentdraw piped into a reader that stops early', () => {
  test('ends quietly: no EPIPE error, no stack trace', async () => {
    // Each file is printed after the next one is read, so the broken pipe is met mid-command.
    const { code, signal, stderr } = await runWithStdoutClosed(['inspect', cat, cat, cat]);
    expect(stderr).not.toMatch(/EPIPE|Unhandled 'error' event/);
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  }, 60_000);
});

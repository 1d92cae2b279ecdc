// Longer fuzzing than the test command affords: the same fuzz tests of every data reader and
// of model loading, with budgets raised (defaults: 50,000 data inputs / 10 minutes, 3,000
// model inputs), then the hostile inputs (gzip bombs, many-problem files, hostile model
// folders, …) through the real CLI one process each, then hostile clients against a real
// `latentdraw serve` (an idle-connection flood, a request flood that reads nothing). Every
// target's peak RSS is measured with /usr/bin/time and printed; over 1 GB fails the run.
// Usage: npm run bench:fuzz [-- --inputs N --minutes M --model-inputs K --seed S]
import { spawnSync } from 'node:child_process';

const LIMIT_RSS_MB = 1024;
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const env = {
  ...process.env,
  LATENTDRAW_FUZZ_INPUTS: flag('inputs', '50000'),
  LATENTDRAW_FUZZ_MS: String(Number(flag('minutes', '10')) * 60_000),
  LATENTDRAW_FUZZ_MODEL_INPUTS: flag('model-inputs', '3000'),
  LATENTDRAW_FUZZ_SEED: flag('seed', String(Date.now() % 100000)),
};
console.log(
  `fuzzing: ${env.LATENTDRAW_FUZZ_INPUTS} data inputs (≤ ${flag('minutes', '10')} min), ` +
    `${env.LATENTDRAW_FUZZ_MODEL_INPUTS} model inputs, seed ${env.LATENTDRAW_FUZZ_SEED}`,
);

/** Runs a command under /usr/bin/time and returns its exit status and peak RSS in MB. */
function measured(name, command) {
  const result = spawnSync('/usr/bin/time', ['-f', 'PEAK_RSS_KB %M', ...command], {
    stdio: ['inherit', 'inherit', 'pipe'],
    env,
    encoding: 'utf8',
  });
  const lines = (result.stderr ?? '').split('\n');
  const peak = lines.map((l) => /^PEAK_RSS_KB (\d+)/.exec(l)).find(Boolean);
  process.stderr.write(lines.filter((l) => !l.startsWith('PEAK_RSS_KB')).join('\n'));
  const rssMb = peak ? Number(peak[1]) / 1024 : Infinity;
  console.log(`${name}: peak RSS ${rssMb.toFixed(0)} MB (limit ${LIMIT_RSS_MB} MB), exit ${result.status}`);
  return result.status === 0 && rssMb < LIMIT_RSS_MB;
}

const timeout = String(Number(flag('minutes', '10')) * 60_000 + 600_000);
const vitest = ['node_modules/vitest/vitest.mjs', 'run', '--testTimeout', timeout];
const ok = [
  measured('data readers fuzz', [process.execPath, ...vitest, 'tests/unit/data/fuzz.test.ts']),
  measured('model loading fuzz', [process.execPath, ...vitest, 'tests/integration/reliability/model-fuzz.test.ts']),
  measured('hostile inputs (driver; each CLI run is measured on its own)', [
    process.execPath,
    '--import',
    'tsx',
    'bench/fuzz/hostile.ts',
  ]),
  measured('browser mode: hostile clients (driver; server and engine are measured on their own)', [
    process.execPath,
    '--import',
    'tsx',
    'bench/fuzz/browser-mode.ts',
  ]),
].every(Boolean);
process.exit(ok ? 0 : 1);

// Longer fuzzing than the test command affords: the same fuzz tests of every data reader and
// of model loading, with budgets raised (defaults: 50,000 data inputs / 10 minutes, 3,000
// model inputs). Usage: npm run bench:fuzz [-- --inputs N --minutes M --model-inputs K --seed S]
import { spawnSync } from 'node:child_process';

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
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    'tests/unit/data/fuzz.test.ts',
    'tests/integration/reliability/model-fuzz.test.ts',
    '--testTimeout',
    String(Number(flag('minutes', '10')) * 60_000 + 600_000),
  ],
  { stdio: 'inherit', env },
);
process.exit(result.status ?? 1);

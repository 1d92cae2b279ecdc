import { defineConfig } from 'vitest/config';

/** End-to-end tests: browser mode driven in Debian's Chromium. They need `npm run build` first. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/electron/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});

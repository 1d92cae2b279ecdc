import { defineConfig } from 'vitest/config';
import { STRICT_KERNELS_ENV } from './src/engine/backend/kernels/wasm-asm';

/** End-to-end tests: browser mode driven in Debian's Chromium. They need `npm run build` first. */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts', 'tests/electron/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
    // A SIMD kernel that does not bind is an error here, not a silent JavaScript fallback.
    env: { [STRICT_KERNELS_ENV]: '1' },
  },
});

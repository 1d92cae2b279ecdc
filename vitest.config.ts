import { svelte } from '@sveltejs/vite-plugin-svelte';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import { STRICT_KERNELS_ENV } from './src/engine/backend/kernels/wasm-asm';

export default defineConfig({
  // Compiles the renderer's *.svelte.ts state classes (runes) so they are unit-tested in Node, as
  // the browser runs them: client output, not the server's (where $state.snapshot copies nothing).
  plugins: [svelte({ configFile: resolve('svelte.config.js'), dynamicCompileOptions: () => ({ generate: 'client' }) })],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // tfjs keeps one global engine per process; forks isolate backends between files.
    pool: 'forks',
    // A SIMD kernel that does not bind is an error here, not a silent JavaScript fallback.
    env: { [STRICT_KERNELS_ENV]: '1' },
    reporters: ['default'],
  },
});

import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { builtinModules } from 'node:module';

/**
 * The renderer runs in a sandboxed page with a strict CSP: no tfjs (the engine computes), no
 * Node, no Electron, and none of the other processes' code; it reaches them through window.studio.
 */
const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_') && !name.includes('/'));
const RENDERER_FORBIDDEN = [
  { regex: '^@tensorflow/', message: 'tfjs runs in the engine: the renderer asks it through window.studio.' },
  { regex: '^node:', message: 'the renderer is a sandboxed page: it has no Node.' },
  { regex: `^(?:${nodeBuiltins.join('|')})(?:/.*)?$`, message: 'the renderer is a sandboxed page: it has no Node.' },
  { regex: '^electron(?:/|$)', message: 'the renderer reaches Electron only through the preload (window.studio).' },
  {
    regex: '^(?:\\.\\./)+(?:engine|main|host|server|cli|preload|trainer)(?:/|$)',
    message: "another process's code: the renderer imports only src/shared and its own files.",
  },
];

export default ts.config(
  { ignores: ['out/', 'dist/', 'node_modules/', 'test-results/', 'coverage/', 'resources/', '.tmp/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/renderer/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: RENDERER_FORBIDDEN }] },
  },
);

import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  contentSecurityPolicyFor,
  TRAINER_CONTENT_SECURITY_POLICY,
  TRAINER_FOLDER,
} from '../../../src/shared/csp';

describe('content security policy', () => {
  test('index.html carries the same policy as the hosts send', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    // frame-ancestors is ignored in a meta tag, so the page omits it.
    expect(meta).toBe(CONTENT_SECURITY_POLICY.replace("; frame-ancestors 'none'", ''));
  });

  test('allows nothing from elsewhere and no plugins or base rewriting', () => {
    for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*/);
  });

  test('the trainer page’s policy is the studio’s plus compiling WebAssembly, and nothing else', () => {
    expect(TRAINER_CONTENT_SECURITY_POLICY).toBe(
      CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"),
    );
    expect(TRAINER_CONTENT_SECURITY_POLICY).not.toMatch(/'unsafe-eval'|\*/);
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm');
  });

  test('each path gets its page’s policy; a detour out of the trainer’s folder gets the studio’s', () => {
    // The folder the build writes the page to (tests/unit/main/app-protocol.test.ts: the one the window loads).
    expect(readFileSync('scripts/bundles.mjs', 'utf8')).toContain(`out/renderer/${TRAINER_FOLDER}/index.html`);
    for (const path of [`/${TRAINER_FOLDER}/index.html`, '/trainer/trainer.js', '/%74rainer/index.html'])
      expect(contentSecurityPolicyFor(path), path).toBe(TRAINER_CONTENT_SECURITY_POLICY);
    for (const path of [
      '/',
      '/index.html',
      '/trainer',
      '/trainer/',
      '/trainer/../index.html',
      '/trainer/%2e%2e/index.html',
      '/trainer/.%2Findex.html',
      '/trainer/..%5Cindex.html',
      '/trainer%2F..%2Findex.html',
      '/trainer/%E0%A4%A',
      '//trainer/index.html',
      'trainer/index.html',
    ])
      expect(contentSecurityPolicyFor(path), path).toBe(CONTENT_SECURITY_POLICY);
  });
});

import { describe, expect, test, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { TRAINER_CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import {
  CONTENT_SECURITY_POLICY,
  hardenContents,
  hardenSession,
  isAppUrl,
  isExternalLink,
} from '../../../src/main/security';

vi.mock('electron', () => ({}));

describe('window hardening', () => {
  test('only http(s) links open externally', () => {
    expect(isExternalLink('https://quickdraw.withgoogle.com/data')).toBe(true);
    expect(isExternalLink('http://example.com')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url']) {
      expect(isExternalLink(url)).toBe(false);
    }
  });

  test('only the app page is an app URL', () => {
    const app = 'latentdraw://app/index.html';
    expect(isAppUrl('latentdraw://app/index.html?x=1#explore', app)).toBe(true);
    expect(isAppUrl('latentdraw://app/other.html', app)).toBe(false);
    expect(isAppUrl('latentdraw://elsewhere/index.html', app)).toBe(false);
    expect(isAppUrl('file:///app/out/renderer/index.html', app)).toBe(false);
    expect(isAppUrl('https://example.com/', app)).toBe(false);
  });

  test('window.open is denied and web links go to the browser; navigation away is prevented', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      setWindowOpenHandler: (h: typeof openHandler) => (openHandler = h),
      on: (name: string, l: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, l),
    } as unknown as WebContents;
    const opened: string[] = [];
    hardenContents(contents, 'latentdraw://app/index.html', (url) => opened.push(url));
    expect(openHandler!({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com']);
    const prevent = vi.fn();
    listeners.get('will-navigate')!({ preventDefault: prevent }, 'https://attacker.example');
    expect(prevent).toHaveBeenCalledOnce();
    const allow = vi.fn();
    listeners.get('will-navigate')!({ preventDefault: allow }, 'latentdraw://app/index.html#train');
    expect(allow).not.toHaveBeenCalled();
  });

  test('permissions are denied and CSP is added to every response', () => {
    let permission: ((c: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    let headers:
      ((d: { url: string; responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined;
    const session = {
      setPermissionRequestHandler: (h: typeof permission) => (permission = h),
      setPermissionCheckHandler: (h: typeof check) => (check = h),
      webRequest: { onHeadersReceived: (h: typeof headers) => (headers = h) },
    } as unknown as Session;
    hardenSession(session);
    const answer = vi.fn();
    permission!(null, 'media', answer);
    expect(answer).toHaveBeenCalledWith(false);
    expect(check!()).toBe(false);
    const policyOf = (url: string) => {
      const result = vi.fn();
      headers!({ url, responseHeaders: { a: ['b'] } }, result);
      expect(result).toHaveBeenCalledOnce();
      const { responseHeaders } = result.mock.calls[0][0] as { responseHeaders: Record<string, string[]> };
      expect(responseHeaders.a).toEqual(['b']);
      return responseHeaders['Content-Security-Policy'];
    };
    expect(policyOf('latentdraw://app/index.html')).toEqual([CONTENT_SECURITY_POLICY]);
    expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'.*object-src 'none'.*base-uri 'none'/);
    // The hidden trainer window's page compiles WebAssembly (tfjs); nothing else may.
    expect(policyOf('latentdraw://app/trainer/index.html')).toEqual([TRAINER_CONTENT_SECURITY_POLICY]);
    for (const url of [
      'http://localhost:5173/trainer/index.html',
      'latentdraw://other/trainer/index.html',
      'latentdraw://app/trainer/%2e%2e/index.html',
      'not a url',
    ])
      expect(policyOf(url), url).toEqual([CONTENT_SECURITY_POLICY]);
  });
});

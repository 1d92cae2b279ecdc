import { CONTENT_SECURITY_POLICY, contentSecurityPolicyFor } from '../shared/csp';
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from './app-protocol';

export { CONTENT_SECURITY_POLICY };

/**
 * The policy a response gets: its page's own for the app's origin (the trainer page's allows
 * WebAssembly), the studio's for anything else, such as electron-vite's dev server.
 */
export function contentSecurityPolicyForUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (`${parsed.protocol}//${parsed.host}` === APP_ORIGIN) return contentSecurityPolicyFor(parsed.pathname);
  } catch {
    // Not a URL: the strictest policy.
  }
  return CONTENT_SECURITY_POLICY;
}

/** Only plain web links leave the app, and they open in the person's browser. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:';
  } catch {
    return false;
  }
}

/** The window may show only the app's own pages. */
export function isAppUrl(url: string, appUrl: string): boolean {
  try {
    const target = new URL(url);
    const app = new URL(appUrl);
    return target.protocol === app.protocol && target.host === app.host && target.pathname === app.pathname;
  } catch {
    return false;
  }
}

export function hardenSession(session: Session): void {
  // No camera, microphone, notifications, geolocation…: the studio needs none of them.
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicyForUrl(details.url)],
      },
    });
  });
}

export function hardenContents(contents: WebContents, appUrl: string, openExternal: (url: string) => void): void {
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

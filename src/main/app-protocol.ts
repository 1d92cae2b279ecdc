/**
 * The app's own protocol: the renderer's pages are served from latentdraw://app/…, read from the
 * built renderer folder only, instead of file:// (security checklist, item 18). The page's URL
 * then never contains the install path, so a "#" or "?" in that path cannot change it.
 */
import type { CustomScheme, Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { contentSecurityPolicyFor } from '../shared/csp';

export const APP_SCHEME = 'latentdraw';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** The URL of a page of the built renderer ("index.html", later "trainer.html"). */
export function appPageUrl(page: string): string {
  return `${APP_ORIGIN}/${page}`;
}

/** standard: a real origin, so 'self' in the CSP, relative URLs and module scripts work;
 * secure: counts as a secure context, like https; supportFetchAPI: fetch() and wasm streaming.
 * corsEnabled stays off: no other origin may read these files. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

export const APP_PROTOCOL_ERRORS = {
  notFound: 'not found',
} as const;

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // WebAssembly.instantiateStreaming refuses any other type.
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.bin': 'application/octet-stream',
};

export function mimeType(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

export type ReadFile = (path: string) => Promise<Uint8Array>;

/**
 * The file under `rootDir` that a latentdraw://app URL names, or undefined when the URL is not
 * ours or its decoded path would leave the folder ("..", "%2e%2e%2f", "%5c", NUL).
 */
export function resolveAppFile(rootDir: string, url: string): string | undefined {
  let parsed: URL;
  let path: string;
  try {
    parsed = new URL(url);
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST || path.includes('\0')) return undefined;
  const root = resolve(rootDir);
  const file = resolve(root, `.${sep}${path === '/' ? 'index.html' : path}`);
  const inside = relative(root, file);
  if (!inside || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) return undefined;
  return file;
}

function notFound(): Response {
  return new Response(APP_PROTOCOL_ERRORS.notFound, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

/** The protocol handler: a file of the built renderer with its type and its page's CSP, or 404. */
export function createAppProtocolHandler(rootDir: string, read: ReadFile = readFile) {
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound();
    const file = resolveAppFile(rootDir, request.url);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await read(file);
    } catch {
      return notFound();
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: {
        'Content-Type': mimeType(file),
        'Content-Security-Policy': contentSecurityPolicyFor(new URL(request.url).pathname),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  };
}

/** Must run before the app is ready: Chromium reads scheme privileges once, at startup. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
}

/** Once ready: serve the built renderer folder on the app's scheme. */
export function serveAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
}

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

/** Resolves a URL path inside `root`, or undefined if it would escape it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  const base = resolve(root);
  const target = resolve(join(base, normalize(decoded)));
  return target === base || target.startsWith(base + sep) ? target : undefined;
}

export async function serveFile(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Record<string, string>,
) {
  const path = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  const info = path ? await stat(path).catch(() => undefined) : undefined;
  if (!path || !info?.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...headers });
    response.end('not found');
    return;
  }
  response.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': 'no-store',
    ...headers,
  });
  createReadStream(path).pipe(response);
}

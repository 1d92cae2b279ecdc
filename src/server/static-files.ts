import { open, stat, type FileHandle } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

export const STATIC_FILE_ERRORS = {
  notFound: 'not found',
  /** Opening or reading failed for a reason of the moment (no file descriptors left, EMFILE). */
  unavailable: 'the studio cannot send this file right now: reload the page in a moment',
} as const;

/** Errors that mean the file is not there, as opposed to failing to read it now. */
const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG']);

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

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

function answer(response: ServerResponse, status: number, message: string, headers: Record<string, string>) {
  const extra = status === 503 ? { 'retry-after': '1' } : {};
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...extra, ...headers });
  response.end(message);
}

/** Opens a regular file; stat first, so a FIFO or device is refused without blocking on its open. */
async function openFile(path: string): Promise<{ handle: FileHandle; size: number } | 404 | 503> {
  let handle: FileHandle | undefined;
  try {
    if (!(await stat(path)).isFile()) return 404;
    handle = await open(path, 'r');
    return { handle, size: (await handle.stat()).size };
  } catch (error) {
    await handle?.close().catch(() => {});
    return MISSING.has(errorCode(error) ?? '') ? 404 : 503;
  }
}

/**
 * Sends one file of the built renderer. Every failure is answered (404 when it is not there,
 * 503 when it cannot be opened now) or ends the response: none escapes as an unhandled stream
 * error, which would stop the server and the engine behind it.
 */
export async function serveFile(
  root: string,
  urlPath: string,
  response: ServerResponse,
  headers: Record<string, string>,
): Promise<void> {
  const path = resolveInside(root, urlPath === '/' ? '/index.html' : urlPath);
  const file = path === undefined ? 404 : await openFile(path);
  if (file === 404 || path === undefined) return answer(response, 404, STATIC_FILE_ERRORS.notFound, headers);
  if (file === 503) return answer(response, 503, STATIC_FILE_ERRORS.unavailable, headers);
  response.writeHead(200, {
    'content-type': TYPES[extname(path)] ?? 'application/octet-stream',
    'content-length': String(file.size),
    'cache-control': 'no-store',
    ...headers,
  });
  // The stream closes the handle; a read that fails midway ends the response (its length is short).
  await pipeline(file.handle.createReadStream(), response).catch(() => response.destroy());
}

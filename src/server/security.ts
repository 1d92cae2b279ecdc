import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { contentSecurityPolicyFor } from '../shared/csp';

export const TOKEN_COOKIE = 'latentdraw_token';

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The only names this server answers to; anything else is a DNS-rebinding attempt. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]);
}

export function allowedOrigins(port: number): Set<string> {
  return new Set([...allowedHosts(port)].map((host) => `http://${host}`));
}

export function hostIsAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** Browsers send Origin on cross-site requests and on every WebSocket handshake. */
export function originIsAllowed(request: IncomingMessage, port: number, required: boolean): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return !required;
  return allowedOrigins(port).has(origin.toLowerCase());
}

function cookieToken(request: IncomingMessage): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return undefined;
}

export function requestToken(request: IncomingMessage, url: URL): string | undefined {
  return url.searchParams.get('token') ?? cookieToken(request);
}

export function tokenIsValid(candidate: string | undefined, token: string): boolean {
  return typeof candidate === 'string' && safeEqual(candidate, token);
}

/** The policy of the page or file at this URL path (the trainer page's allows WebAssembly). */
export function contentSecurityPolicy(path: string): string {
  return contentSecurityPolicyFor(path);
}

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { tokenFromProtocols } from '../shared/contract/ws-protocol';

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

function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * The page's cookie, which lets its scripts and styles (requested without the token) load.
 * Cookies ignore ports: every server on 127.0.0.1 receives it. So it carries no token: its value
 * is an HMAC of this server's port under the per-run token, which this server recomputes and no
 * other can, and it opens only the static files (the public renderer bundle), never the
 * WebSocket, which needs the token itself (`wsProtocols`). A server on another port that gets it
 * learns neither the token nor a key to the socket. The port is in the name too, so two studios
 * on one machine keep their own cookies.
 */
export function pageCookie(token: string, port: number): { name: string; value: string } {
  return {
    name: `latentdraw_page_${port}`,
    value: createHmac('sha256', token).update(`latentdraw page cookie for port ${port}`).digest('base64url'),
  };
}

export function pageCookieHeader(token: string, port: number): string {
  const { name, value } = pageCookie(token, port);
  return `${name}=${value}; HttpOnly; SameSite=Strict; Path=/`;
}

/** A page or file request: the token in the address (the URL the studio printed), or the page cookie. */
export function pageRequestIsAuthorized(request: IncomingMessage, url: URL, token: string, port: number): boolean {
  const fromUrl = url.searchParams.get('token');
  if (fromUrl !== null) return safeEqual(fromUrl, token);
  const expected = pageCookie(token, port);
  const cookie = readCookie(request, expected.name);
  return cookie !== undefined && safeEqual(cookie, expected.value);
}

/** A WebSocket handshake: the token among the offered subprotocols; cookies and the URL do not count. */
export function socketRequestIsAuthorized(request: IncomingMessage, token: string): boolean {
  const header = request.headers['sec-websocket-protocol'];
  const offered = typeof header === 'string' ? header.split(',').map((p) => p.trim()) : [];
  const candidate = tokenFromProtocols(offered);
  return candidate !== undefined && safeEqual(candidate, token);
}

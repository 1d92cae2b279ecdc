/**
 * The studio page's Content-Security-Policy, the same in Electron (response header) and in
 * browser mode (server header); index.html carries it as a meta tag for file:// loads.
 * Inline styles stay allowed: Svelte and Konva set element styles at run time.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The Content-Security-Policies of the app's pages, the same in Electron (response header) and in
 * browser mode (server header); the studio's index.html carries its policy as a meta tag for
 * file:// loads. Inline styles stay allowed: Svelte and Konva set element styles at run time.
 */
function policy(scriptSources: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The studio page: scripts from the app only, and no WebAssembly (the renderer has none). */
export const CONTENT_SECURITY_POLICY = policy("'self'");

/**
 * The trainer page (the hidden GPU trainer window, src/trainer/): tfjs compiles WebAssembly there
 * as the page loads (tfjs-core's Long probe), which a policy without 'wasm-unsafe-eval' refuses,
 * a CSP violation on every load (tests/e2e/trainer-csp.e2e.test.ts). It allows compiling
 * WebAssembly, not eval.
 */
export const TRAINER_CONTENT_SECURITY_POLICY = policy("'self' 'wasm-unsafe-eval'");

/** The trainer page's folder in the built renderer (out/renderer/trainer), served at /trainer/. */
export const TRAINER_FOLDER = 'trainer';

/** Whether a URL path names a file in the trainer's folder; a path with "..", "." or "\" never does. */
function inTrainerFolder(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  if (decoded.includes('\\') || decoded.includes('\0')) return false;
  const segments = decoded.split('/');
  if (segments.some((segment) => segment === '..' || segment === '.')) return false;
  return segments[0] === '' && segments[1] === TRAINER_FOLDER && segments.length > 2 && segments.at(-1) !== '';
}

/** The policy for a response of the app's own pages, by the URL path it was asked for. */
export function contentSecurityPolicyFor(path: string): string {
  return inTrainerFolder(path) ? TRAINER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}

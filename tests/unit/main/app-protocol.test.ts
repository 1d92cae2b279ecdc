import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import type { IpcMainInvokeEvent, Protocol, WebContents } from 'electron';
import {
  APP_PROTOCOL_ERRORS,
  APP_SCHEME,
  appPageUrl,
  createAppProtocolHandler,
  registerAppScheme,
  resolveAppFile,
  serveAppProtocol,
} from '../../../src/main/app-protocol';
import { trustedSender } from '../../../src/main/ipc';
import { TRAINER_PAGE } from '../../../src/main/trainer-window';
import { isAppUrl } from '../../../src/main/security';
import { CONTENT_SECURITY_POLICY, TRAINER_CONTENT_SECURITY_POLICY } from '../../../src/shared/csp';
import { tempDir } from '../../helpers/temp-folder';

vi.mock('electron', () => ({}));

// An install folder whose path holds the characters a file:// URL would have to escape.
const scratch = tempDir('protocol');
const install = join(scratch, 'Latent #1 ?Draw% app');
const renderer = join(install, 'resources', 'app.asar', 'out', 'renderer');
mkdirSync(join(renderer, 'assets'), { recursive: true });
writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>LatentDraw</title>');
writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'export {};');
writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
writeFileSync(join(renderer, 'assets', 'kernels.wasm'), new Uint8Array([0, 0x61, 0x73, 0x6d]));
writeFileSync(join(renderer, 'assets', 'a #b ?c.js'), 'export const odd = 1;');
mkdirSync(join(renderer, 'trainer'));
writeFileSync(join(renderer, 'trainer', 'index.html'), '<!doctype html><title>LatentDraw trainer</title>');
// Beside the renderer folder: what a traversal would try to reach.
writeFileSync(join(install, 'resources', 'app.asar', 'out', 'secret.txt'), 'secret');
writeFileSync(join(scratch, 'secret.txt'), 'secret');

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const handler = createAppProtocolHandler(renderer);
const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('the app protocol', () => {
  test('is registered privileged before ready and handled on its scheme', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) } as Pick<
      Protocol,
      'registerSchemesAsPrivileged'
    >);
    expect(registered).toEqual([
      { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    const handle = vi.fn();
    serveAppProtocol({ handle } as unknown as Pick<Protocol, 'handle'>, renderer);
    expect(handle).toHaveBeenCalledWith(APP_SCHEME, expect.any(Function));
  });

  test('serves the renderer’s files with their types and the CSP, from an install path with # and ?', async () => {
    const page = await get(appPageUrl('index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<title>LatentDraw</title>');

    const types = {
      'latentdraw://app/assets/index-abc.js': 'text/javascript; charset=utf-8',
      'latentdraw://app/assets/index-abc.css': 'text/css; charset=utf-8',
      'latentdraw://app/assets/kernels.wasm': 'application/wasm',
    };
    for (const [url, type] of Object.entries(types)) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type'), url).toBe(type);
    }
    expect(new Uint8Array(await (await get('latentdraw://app/assets/kernels.wasm')).arrayBuffer())).toEqual(
      new Uint8Array([0, 0x61, 0x73, 0x6d]),
    );
    // The root is the page; a query or a fragment does not change which file is read.
    expect(await (await get('latentdraw://app/')).text()).toContain('LatentDraw');
    expect((await get('latentdraw://app/index.html?tool=train#explore')).status).toBe(200);
    // A file whose own name holds # and ? is reached through its escaped URL.
    const odd = await get(`latentdraw://app/assets/${encodeURIComponent('a #b ?c.js')}`);
    expect(await odd.text()).toBe('export const odd = 1;');
    expect((await get('latentdraw://app/index.html', 'HEAD')).status).toBe(200);
  });

  test('serves the trainer page with its own CSP (WebAssembly allowed), and every other file with the studio’s', async () => {
    const trainer = await get(appPageUrl(TRAINER_PAGE));
    expect(trainer.status).toBe(200);
    expect(await trainer.text()).toContain('LatentDraw trainer');
    expect(trainer.headers.get('content-security-policy')).toBe(TRAINER_CONTENT_SECURITY_POLICY);
    // The same file by a detour, and the studio's page from inside the trainer's folder, get the strict policy.
    for (const url of ['latentdraw://app/trainer/%2e%2e/index.html', 'latentdraw://app/assets/../index.html']) {
      const page = await get(url);
      expect(page.status, url).toBe(200);
      expect(page.headers.get('content-security-policy'), url).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  test('answers 404 to anything outside the renderer folder, missing, or not ours', async () => {
    const refused = [
      'latentdraw://app/../secret.txt',
      'latentdraw://app/../../../../secret.txt',
      'latentdraw://app/%2e%2e/secret.txt',
      'latentdraw://app/%2e%2e%2fsecret.txt',
      'latentdraw://app/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      'latentdraw://app/..%2f..%2f..%2f..%2f..%2fsecret.txt',
      'latentdraw://app/..%5c..%5csecret.txt',
      `latentdraw://app/${encodeURIComponent(join(scratch, 'secret.txt'))}`,
      'latentdraw://app/index.html%00.js',
      'latentdraw://app/%E0%A4%A',
      'latentdraw://app/missing.js',
      'latentdraw://app/assets',
      'latentdraw://other/index.html',
    ];
    for (const url of refused) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(await response.text(), url).toBe(APP_PROTOCOL_ERRORS.notFound);
    }
    expect((await get('latentdraw://app/index.html', 'POST')).status).toBe(404);
    expect(resolveAppFile(renderer, 'file:///etc/passwd')).toBeUndefined();
    expect(resolveAppFile(renderer, 'latentdraw://app/assets/index-abc.js')).toBe(
      join(renderer, 'assets', 'index-abc.js'),
    );
  });

  test('gives the page a URL the sender check and the navigation guard accept, wherever the app is installed', () => {
    const pageUrl = appPageUrl('index.html');
    expect(pageUrl).not.toContain(install);
    const ours = { id: 1 } as unknown as WebContents;
    const isTrusted = trustedSender(() => ours, pageUrl);
    // Chromium reports the frame's URL as loaded, with whatever query or fragment the page set.
    for (const url of [pageUrl, `${pageUrl}#train`, `${pageUrl}?tool=explore`]) {
      expect(isTrusted({ sender: ours, senderFrame: { url } } as unknown as IpcMainInvokeEvent), url).toBe(true);
      expect(isAppUrl(url, pageUrl), url).toBe(true);
    }
  });
});

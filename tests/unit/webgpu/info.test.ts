/** `latentdraw info --json` on this machine's only WebGPU adapter, SwiftShader (software). */
import { beforeAll, describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/index';
import { useSoftwareWebgpu } from '../../helpers/webgpu';

interface Info {
  backends: Array<{ name: string; available: boolean; reason?: string; adapter?: Record<string, unknown> }>;
}

async function info(): Promise<Info> {
  const out: string[] = [];
  expect(await main(['info', '--json'], { out: (l) => out.push(l), err: () => {} })).toBe(0);
  return JSON.parse(out.join('\n')) as Info;
}

describe('latentdraw info and WebGPU', () => {
  beforeAll(() => useSoftwareWebgpu());

  test('a software adapter is reported unavailable, with the reason and the adapter', async () => {
    delete process.env.LATENTDRAW_WEBGPU_ALLOW_SOFTWARE;
    const webgpu = (await info()).backends.find((b) => b.name === 'webgpu');
    expect(webgpu?.available).toBe(false);
    expect(webgpu?.reason).toMatch(/^software adapter only \(google, swiftshader/);
    expect(webgpu?.adapter).toMatchObject({ architecture: 'swiftshader', software: true });
  });

  test('with LATENTDRAW_WEBGPU_ALLOW_SOFTWARE=1 it is available and names the adapter', async () => {
    process.env.LATENTDRAW_WEBGPU_ALLOW_SOFTWARE = '1';
    const webgpu = (await info()).backends.find((b) => b.name === 'webgpu');
    expect(webgpu).toMatchObject({ available: true, adapter: { vendor: 'google', architecture: 'swiftshader' } });
    expect(String(webgpu?.adapter?.description)).toMatch(/SwiftShader/);
  });
});

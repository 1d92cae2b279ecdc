import { describe, expect, test } from 'vitest';
import { main } from '../../../src/cli/index';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

describe('latentdraw info', () => {
  test('--json names the backend and explains why tensorflow is unavailable', async () => {
    const { io, out } = capture();
    expect(await main(['info', '--json'], io)).toBe(0);
    const info = JSON.parse(out.join('\n')) as {
      backend: string;
      backends: Array<{ name: string; available: boolean; reason?: string }>;
      models: Array<{ id: string; default?: boolean; purpose?: string; origin: string }>;
      version: string;
    };
    expect(info.backend).toBe('wasm');
    const tensorflow = info.backends.find((b) => b.name === 'tensorflow');
    expect(tensorflow?.available).toBe(false);
    expect(tensorflow?.reason).toMatch(/tfjs-node/);
    expect(info.backends.map((b) => b.name)).toEqual(['tensorflow-gpu', 'webgpu', 'tensorflow', 'wasm', 'cpu']);
    expect(Array.isArray(info.models)).toBe(true);
    // The shipped digit model that gives back what was drawn is the one the studio opens with.
    expect(info.models.filter((m) => m.default).map((m) => m.id)).toEqual(['shipped:mnist-digits']);
    for (const m of info.models.filter((x) => x.origin === 'shipped')) expect(m.purpose).toBeTruthy();
  });

  test('unknown commands and bad flags are usage errors (exit 2)', async () => {
    const a = capture();
    expect(await main(['frobnicate'], a.io)).toBe(2);
    expect(a.err.join('\n')).toContain('unknown command "frobnicate"');
    const b = capture();
    expect(await main(['serve', '--port', 'abc'], b.io)).toBe(2);
    expect(b.err.join('\n')).toContain('--port must be an integer');
  });
});

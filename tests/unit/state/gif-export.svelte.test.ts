import { describe, expect, test, vi } from 'vitest';

const saved = vi.hoisted(() => [] as Array<{ bytes: Uint8Array; name: string }>);
vi.mock('../../../src/renderer/src/lib/download', () => ({
  saveGif: (bytes: Uint8Array, name: string) => saved.push({ bytes, name }),
}));
const { GifExport, GIF_EXPORT_ERRORS } = await import('../../../src/renderer/src/state/gif-export.svelte');

const frame = { width: 2, height: 2, rgba: new Uint8ClampedArray(16).fill(255) };

describe('GifExport', () => {
  test('writes one GIF at a time and names the file; a failing frame source shows its message', async () => {
    const gif = new GifExport();
    let release!: () => void;
    const first = gif.run('a.gif', () => new Promise((r) => (release = () => r([frame, frame]))), 100);
    await gif.run('b.gif', () => [frame], 100);
    expect(gif.error).toBe(GIF_EXPORT_ERRORS.busy);
    release();
    await first;
    expect(saved.map((s) => s.name)).toEqual(['a.gif']);
    expect(String.fromCharCode(...saved[0].bytes.subarray(0, 3))).toBe('GIF');
    await gif.run('c.gif', () => Promise.reject(new Error('no frames')), 100);
    expect([gif.error, gif.busy]).toEqual(['no frames', false]);
  });
});

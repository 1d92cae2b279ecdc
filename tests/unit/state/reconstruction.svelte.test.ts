import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof fakeStudioApi> }));
vi.mock('../../../src/renderer/src/lib/studio', () => ({
  get studio() {
    return fake.current.api;
  },
  hostKind: 'browser',
}));
stubAnimationFrame();
const { ReconstructionState } = await import('../../../src/renderer/src/state/reconstruction.svelte');

const answer = (z: number) => ({
  input: new Float32Array(4),
  size: 2,
  z: new Float32Array([z]),
  output: new Float32Array(4),
});

describe('ReconstructionState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('the answer for the last stroke wins; the same stroke end is asked once; errors show', async () => {
    const rec = new ReconstructionState();
    fake.current.call('latent.reconstruct').mockResolvedValue(answer(1));
    rec.request('user:m', [{ x: [1], y: [1] }], 10);
    rec.request('user:m', [{ x: [1], y: [1] }], 10);
    await vi.waitFor(() => expect(rec.version).toBe(1));
    expect(fake.current.call('latent.reconstruct')).toHaveBeenCalledTimes(1);
    expect([rec.empty, rec.result?.z[0]]).toEqual([false, 1]);
    fake.current.call('latent.reconstruct').mockRejectedValue(new Error('model folder not found'));
    rec.request('user:m', []);
    await vi.waitFor(() => expect(rec.error).toBe('model folder not found'));
    rec.drawClass(2);
    rec.request('user:c', [{ x: [1], y: [1] }]);
    await vi.waitFor(() =>
      expect(fake.current.call('latent.reconstruct')).toHaveBeenLastCalledWith(expect.objectContaining({ label: 2 })),
    );
    rec.showPicked(answer(7));
    expect([rec.result?.z[0], rec.error, rec.version]).toEqual([7, undefined, 2]);
  });
});

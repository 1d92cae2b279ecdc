import { beforeEach, describe, expect, onTestFinished, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { ReconstructionState, SLOW_AFTER_MS } = await import('../../../src/renderer/src/state/reconstruction.svelte');
const { PERF } = await import('../../../src/renderer/src/lib/perf');

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
    fake.current.call('latent:reconstruct').mockResolvedValue(answer(1));
    rec.request('user:m', [{ x: [1], y: [1] }], 10);
    rec.request('user:m', [{ x: [1], y: [1] }], 10);
    await vi.waitFor(() => expect(rec.version).toBe(1));
    expect(fake.current.call('latent:reconstruct')).toHaveBeenCalledTimes(1);
    expect([rec.empty, rec.result?.z[0]]).toEqual([false, 1]);
    fake.current.call('latent:reconstruct').mockRejectedValue(new Error('model folder not found'));
    rec.request('user:m', []);
    await vi.waitFor(() => expect(rec.error).toBe('model folder not found'));
    rec.label = 2;
    rec.request('user:c', [{ x: [1], y: [1] }]);
    await vi.waitFor(() =>
      expect(fake.current.call('latent:reconstruct')).toHaveBeenLastCalledWith(expect.objectContaining({ label: 2 })),
    );
    rec.showPicked(answer(7));
    expect([rec.result?.z[0], rec.error, rec.version]).toEqual([7, undefined, 2]);
  });

  test('a stroke end equal to the live request in flight is not sent again; its answer ends the stroke', async () => {
    // The clock stands still: every live request after the first falls within the throttle's
    // interval however slowly this test runs, as it does for a person drawing quickly.
    const frozen = vi.spyOn(performance, 'now').mockReturnValue(performance.now());
    onTestFinished(() => frozen.mockRestore());
    const rec = new ReconstructionState();
    let answerLive!: (r: ReturnType<typeof answer>) => void;
    fake.current.call('latent:reconstruct').mockImplementation(() => new Promise((resolve) => (answerLive = resolve)));
    const drawn = [{ x: [1, 2], y: [1, 2] }];
    const measured = () => performance.getEntriesByName(PERF.strokeToReconstruction).length;
    const before = measured();
    rec.requestLive('user:m', () => drawn.map((s) => ({ x: [...s.x], y: [...s.y] })));
    rec.request('user:m', [{ x: [1, 2], y: [1, 2] }], 20);
    expect(fake.current.call('latent:reconstruct')).toHaveBeenCalledTimes(1);
    answerLive(answer(3));
    await vi.waitFor(() => expect(rec.version).toBe(1));
    expect(measured()).toBe(before + 1);
    // The adopted answer ends the stroke: it is the settled one the other panels follow.
    expect([rec.settledVersion, rec.settledCode?.[0]]).toEqual([1, 3]);
    // A different drawing goes at once, urgent.
    fake.current.call('latent:reconstruct').mockImplementation(() => new Promise(() => {}));
    rec.requestLive('user:m', () => [{ x: [5], y: [5] }]);
    rec.request('user:m', [{ x: [5, 6], y: [5, 6] }], 30);
    expect(fake.current.call('latent:reconstruct')).toHaveBeenCalledTimes(2);
    expect(fake.current.call('latent:reconstruct')).toHaveBeenLastCalledWith(
      expect.objectContaining({ strokes: [{ x: [5, 6], y: [5, 6] }] }),
    );
  });

  test('the pictures are marked slow only when an answer is late', async () => {
    vi.useFakeTimers();
    try {
      const rec = new ReconstructionState();
      let reply!: (r: ReturnType<typeof answer>) => void;
      fake.current.call('latent:reconstruct').mockImplementation(() => new Promise((resolve) => (reply = resolve)));
      rec.request('user:m', [{ x: [1], y: [1] }], 40);
      vi.advanceTimersByTime(SLOW_AFTER_MS - 10);
      expect(rec.slow).toBe(false);
      vi.advanceTimersByTime(20);
      expect(rec.slow).toBe(true);
      reply(answer(2));
      await vi.waitFor(() => expect(rec.version).toBe(1));
      expect(rec.slow).toBe(false);
      // A reset forgets the request out: no late dim for an answer that will never be shown.
      rec.request('user:m', [{ x: [2], y: [2] }], 50);
      rec.reset();
      vi.advanceTimersByTime(SLOW_AFTER_MS * 2);
      expect(rec.slow).toBe(false);
    } finally {
      vi.useRealTimers();
    }
  });

  test('mid-stroke answers feed the pictures only; the stroke end settles', async () => {
    const onSettled = vi.fn();
    const rec = new ReconstructionState(onSettled);
    const replies: Array<(r: ReturnType<typeof answer>) => void> = [];
    fake.current.call('latent:reconstruct').mockImplementation(() => new Promise((resolve) => replies.push(resolve)));
    rec.requestLive('user:m', () => [{ x: [1], y: [1] }]);
    replies[0](answer(5));
    await vi.waitFor(() => expect(rec.version).toBe(1));
    expect([rec.result?.z[0], rec.settled, rec.settledCode, rec.settledVersion]).toEqual([5, undefined, undefined, 0]);
    expect(onSettled).not.toHaveBeenCalled();
    rec.request('user:m', [{ x: [1, 9], y: [1, 9] }], 60);
    replies[1](answer(6));
    await vi.waitFor(() => expect(rec.settledVersion).toBe(1));
    expect(rec.settledCode?.[0]).toBe(6);
    expect(onSettled).toHaveBeenCalledTimes(1);
    // An empty drawing settles with no code.
    rec.request('user:m', [], 70);
    replies[2](answer(0));
    await vi.waitFor(() => expect(rec.settledVersion).toBe(2));
    expect(rec.settledCode).toBeUndefined();
  });
});

import { describe, expect, test, vi } from 'vitest';
import { frameCoalesced, LatestOnly, throttled } from '../../../src/renderer/src/lib/latest-only';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestOnly', () => {
  test('runs one request at a time and skips the stale ones queued meanwhile', async () => {
    const calls: number[] = [];
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const delivered: number[] = [];
    const runner = new LatestOnly<number, number>(
      (n) => {
        calls.push(n);
        const gate = deferred<number>();
        gates.set(n, gate);
        return gate.promise;
      },
      (result) => delivered.push(result),
    );
    runner.submit(1);
    runner.submit(2);
    runner.submit(3);
    expect(calls).toEqual([1]);
    gates.get(1)!.resolve(10);
    await vi.waitFor(() => expect(calls).toEqual([1, 3]));
    gates.get(3)!.resolve(30);
    await vi.waitFor(() => expect(delivered).toEqual([10, 30]));
    expect(runner.busy).toBe(false);
  });

  test('reports failures and keeps going', async () => {
    const errors: string[] = [];
    const delivered: number[] = [];
    const runner = new LatestOnly<number, number>(
      async (n) => {
        if (n === 1) throw new Error('boom');
        return n;
      },
      (r) => delivered.push(r),
      (e) => errors.push((e as Error).message),
    );
    runner.submit(1);
    await vi.waitFor(() => expect(errors).toEqual(['boom']));
    runner.submit(2);
    await vi.waitFor(() => expect(delivered).toEqual([2]));
  });

  test('an urgent request goes at once and the older answer is dropped', async () => {
    const gates = new Map<number, ReturnType<typeof deferred<number>>>();
    const delivered: number[] = [];
    const runner = new LatestOnly<number, number>(
      (n) => {
        const gate = deferred<number>();
        gates.set(n, gate);
        return gate.promise;
      },
      (r) => delivered.push(r),
    );
    runner.submit(1);
    runner.submit(2);
    runner.submit(3, true);
    expect([...gates.keys()]).toEqual([1, 3]);
    gates.get(1)!.resolve(1);
    gates.get(3)!.resolve(3);
    await vi.waitFor(() => expect(delivered).toEqual([3]));
    await new Promise((r) => setTimeout(r, 5));
    expect([...gates.keys()]).toEqual([1, 3]);
    expect(runner.busy).toBe(false);
  });

  test('an urgent request equal to the one in flight adopts it: nothing is sent twice', async () => {
    const gates = new Map<string, ReturnType<typeof deferred<string>>>();
    const delivered: string[] = [];
    const runner = new LatestOnly<{ s: string; final?: boolean }, string>(
      (r) => {
        const gate = deferred<string>();
        gates.set(r.s, gate);
        return gate.promise;
      },
      (result, r) => delivered.push(`${result}${r.final ? '!' : ''}`),
    );
    runner.submit({ s: 'a' });
    runner.submit({ s: 'b' });
    expect(runner.adoptInFlight((r) => r.s === 'b')).toBeUndefined();
    const adopted = runner.adoptInFlight((r) => r.s === 'a');
    expect(adopted).toEqual({ s: 'a' });
    adopted!.final = true;
    gates.get('a')!.resolve('A');
    await vi.waitFor(() => expect(delivered).toEqual(['A!']));
    await new Promise((r) => setTimeout(r, 5));
    // The waiting 'b' was dropped with the adoption.
    expect([...gates.keys()]).toEqual(['a']);
    expect(runner.adoptInFlight(() => true)).toBeUndefined();
  });

  test('cancel drops the answer to the running request', async () => {
    const gate = deferred<number>();
    const delivered: number[] = [];
    const runner = new LatestOnly<number, number>(
      () => gate.promise,
      (r) => delivered.push(r),
    );
    runner.submit(1);
    expect([runner.busy, runner.awaiting]).toEqual([true, true]);
    runner.cancel();
    // Still out, but its answer will not be shown.
    expect([runner.busy, runner.awaiting]).toEqual([true, false]);
    gate.resolve(1);
    await new Promise((r) => setTimeout(r, 5));
    expect(delivered).toEqual([]);
  });
});

describe('frameCoalesced', () => {
  test('the first call runs now, the rest of the burst once per frame with the newest value', () => {
    const frames: Array<() => void> = [];
    const seen: number[] = [];
    const call = frameCoalesced<number>(
      (v) => seen.push(v),
      (cb) => frames.push(cb),
    );
    call(1);
    call(2);
    call(3);
    expect(seen).toEqual([1]);
    expect(frames).toHaveLength(1);
    frames.shift()!();
    expect(seen).toEqual([1, 3]);
    frames.shift()!();
    expect(frames).toHaveLength(0);
    call(4);
    expect(seen).toEqual([1, 3, 4]);
  });
});

describe('throttled', () => {
  test('leading call now, the rest collapse into one trailing call; cancel drops it', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      const seen: number[] = [];
      const call = throttled<number>(
        (v) => seen.push(v),
        50,
        () => now,
      );
      call(1);
      expect(seen).toEqual([1]);
      now = 10;
      call(2);
      call(3);
      expect(seen).toEqual([1]);
      now = 50;
      vi.advanceTimersByTime(40);
      expect(seen).toEqual([1, 3]);
      now = 60;
      call(4);
      call.cancel();
      vi.advanceTimersByTime(100);
      expect(seen).toEqual([1, 3]);
    } finally {
      vi.useRealTimers();
    }
  });
});

import { describe, expect, test } from 'vitest';
import { Job } from '../../../src/renderer/src/lib/job.svelte';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('Job', () => {
  test('keeps the newest answer: an older one arriving later is dropped', async () => {
    const job = new Job<string>();
    const slow = deferred<string>();
    const first = job.run(() => slow.promise);
    expect(job.busy).toBe(true);
    await job.run(async () => 'new');
    slow.resolve('old');
    expect(await first).toBeUndefined();
    expect(job.result).toBe('new');
    expect(job.busy).toBe(false);
  });

  test('a failure shows its message and keeps the last result; fail() and reset() replace runs in flight', async () => {
    const job = new Job<number>();
    await job.run(async () => 1);
    await job.run(async () => {
      throw new Error('engine said no');
    });
    expect([job.result, job.error]).toEqual([1, 'engine said no']);
    const pending = deferred<number>();
    const run = job.run(() => pending.promise);
    job.fail('pick something first');
    pending.resolve(2);
    await run;
    expect([job.result, job.error, job.busy]).toEqual([1, 'pick something first', false]);
    job.reset();
    expect([job.result, job.error]).toEqual([undefined, undefined]);
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import { STALE_AFTER_MS, writerMayBeRunning } from '../../../src/engine/fs/leftover-writer';
import { deadPid, idleProcess, killProcess } from '../../helpers/processes';

describe("a leftover's writer", () => {
  const live = idleProcess();
  afterAll(() => killProcess(live));

  it('may be running while its process lives, and not once it is gone', async () => {
    expect(writerMayBeRunning({ pid: live.pid! }, 'predecessor')).toBe(true);
    expect(writerMayBeRunning({ pid: live.pid!, time: Date.now() }, 'ours')).toBe(true);
    expect(writerMayBeRunning({ pid: await deadPid() }, 'ours')).toBe(false);
  });

  it("this process's own PID is a write under way, or a dead predecessor's, as the caller knows", () => {
    expect(writerMayBeRunning({ pid: process.pid, time: Date.now() }, 'ours')).toBe(true);
    expect(writerMayBeRunning({ pid: process.pid, time: Date.now() }, 'predecessor')).toBe(false);
  });

  it('is dead past the stale age, even where a live process has its PID', () => {
    const stale = Date.now() - STALE_AFTER_MS - 1000;
    expect(writerMayBeRunning({ pid: live.pid!, time: stale }, 'predecessor')).toBe(false);
    expect(writerMayBeRunning({ pid: process.pid, time: stale }, 'ours')).toBe(false);
    expect(writerMayBeRunning({ pid: live.pid!, time: Date.now() - STALE_AFTER_MS + 60_000 }, 'ours')).toBe(true);
  });
});

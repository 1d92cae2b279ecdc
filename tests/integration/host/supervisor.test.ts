import { afterEach, describe, expect, test } from 'vitest';
import { SUPERVISOR_ERRORS, type EngineSupervisor } from '../../../src/host/supervisor';
import type { EngineStatus } from '../../../src/shared/types/app';
import { sourceEngineSupervisor } from '../../helpers/engine';

describe('engine supervisor with the real engine process', () => {
  let supervisor: EngineSupervisor | undefined;
  afterEach(() => supervisor?.stop());

  test('starts the engine, which reports its backend and answers', async () => {
    ({ supervisor } = sourceEngineSupervisor());
    supervisor.start();
    const status = await supervisor.whenReady();
    expect(status.state).toBe('ready');
    expect(status.backend?.backend).toBe('wasm');
    expect(await supervisor.request('engine:ping', { nonce: 7 })).toEqual({
      ok: true,
      value: { nonce: 7, backend: 'wasm' },
    });
  });

  test('restarts the engine after SIGKILL and tells listeners; later requests work', async () => {
    ({ supervisor } = sourceEngineSupervisor());
    const seen: EngineStatus[] = [];
    supervisor.onStatus((s) => seen.push(s));
    supervisor.start();
    await supervisor.whenReady();
    const firstPid = supervisor.pid;
    process.kill(firstPid!, 'SIGKILL');
    await expect.poll(() => seen.some((s) => s.state === 'restarting'), { timeout: 10_000 }).toBe(true);
    const again = await supervisor.whenReady();
    expect(again.state).toBe('ready');
    expect(again.restarts).toBe(1);
    expect(supervisor.pid).not.toBe(firstPid);
    expect(seen.find((s) => s.state === 'restarting')?.message).toContain('killed by SIGKILL');
    expect(await supervisor.request('engine:ping', { nonce: 1 })).toMatchObject({ ok: true });
  });

  test('a request in flight when the engine dies gets an error, not silence', async () => {
    ({ supervisor } = sourceEngineSupervisor());
    supervisor.start();
    await supervisor.whenReady();
    const pid = supervisor.pid!;
    const reply = supervisor.request('engine:ping', { nonce: 2 });
    process.kill(pid, 'SIGKILL');
    const envelope = await reply;
    // Either the engine answered before it died, or the request failed with a clear message.
    if (!envelope.ok)
      expect(envelope.error).toEqual({ message: SUPERVISOR_ERRORS.restarted, code: 'engine-restarted' });
  });

  test('gives up after too many crashes and can be restarted by hand', async () => {
    ({ supervisor } = sourceEngineSupervisor({ maxCrashes: 1 }));
    supervisor.start();
    await supervisor.whenReady();
    process.kill(supervisor.pid!, 'SIGKILL');
    await expect.poll(() => supervisor!.status.restarts, { timeout: 20_000 }).toBe(1);
    await supervisor.whenReady();
    process.kill(supervisor.pid!, 'SIGKILL');
    await expect.poll(() => supervisor!.status.state, { timeout: 10_000 }).toBe('failed');
    expect(await supervisor.request('engine:ping', { nonce: 1 })).toMatchObject({
      ok: false,
      error: { code: 'engine-failed' },
    });
    supervisor.restart();
    expect((await supervisor.whenReady()).state).toBe('ready');
  });
});

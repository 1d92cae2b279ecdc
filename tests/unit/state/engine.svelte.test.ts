import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { appInfo } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
const { EngineState } = await import('../../../src/renderer/src/state/engine.svelte');

describe('EngineState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('follows status events, says when it is ready, and explains a restart once the engine is back', async () => {
    const onReady = vi.fn();
    const engine = new EngineState(onReady);
    fake.current.call('app:info').mockResolvedValue(appInfo({ state: 'ready', restarts: 0 }));
    const off = engine.connect();
    await vi.waitFor(() => expect(engine.ready).toBe(true));
    fake.current.emit('engine:status', { state: 'ready', restarts: 0 });
    expect(onReady).toHaveBeenCalledTimes(1);
    fake.current.emit('engine:status', { state: 'starting', restarts: 1 });
    expect([engine.ready, engine.restartNotice]).toEqual([false, undefined]);
    fake.current.emit('engine:status', { state: 'ready', restarts: 1, lastExit: 'crashed' });
    expect(engine.restartNotice).toMatch(/^The engine stopped \(crashed\) and was restarted\./);
    expect(onReady).toHaveBeenCalledTimes(2);
    off();
  });
});

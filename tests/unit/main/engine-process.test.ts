import { describe, expect, test, vi } from 'vitest';

type Listener = (message: unknown) => void;
const child = {
  pid: 42,
  posted: [] as Array<{ message: unknown; transfer?: unknown[] }>,
  listeners: {} as Record<string, Listener>,
  postMessage(message: unknown, transfer?: unknown[]) {
    this.posted.push({ message, transfer });
  },
  on(event: string, listener: Listener) {
    this.listeners[event] = listener;
  },
  kill: vi.fn(),
};

vi.mock('electron', () => ({ utilityProcess: { fork: () => child } }));

const { utilityEngineSpawner } = await import('../../../src/main/engine-process');
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the engine utilityProcess', () => {
  test("answers the engine's trainer-port requests with the port transferred, and forwards the rest", async () => {
    const ports = vi.fn(async (backend: string | undefined) => ({ port: `to-window-for-${backend}` }));
    const engine = utilityEngineSpawner('/app/out/engine/host.js', ports as never)();
    const seen: unknown[] = [];
    engine.onMessage((message) => seen.push(message));
    child.listeners.message({ kind: 'trainer-port-request', id: 7, backend: 'webgpu' });
    child.listeners.message({ kind: 'event', name: 'training:progress', payload: {} });
    await settle();
    expect(ports).toHaveBeenCalledWith('webgpu');
    expect(child.posted).toEqual([
      { message: { kind: 'trainer-port', id: 7 }, transfer: [{ port: 'to-window-for-webgpu' }] },
    ]);
    expect(seen).toEqual([{ kind: 'event', name: 'training:progress', payload: {} }]);
  });

  test("tells the engine why the trainer window's renderer died, until the engine exits", () => {
    child.posted = [];
    let listeners: Array<(reason: string) => void> = [];
    const crashes = (listener: (reason: string) => void) => {
      listeners.push(listener);
      return () => (listeners = listeners.filter((l) => l !== listener));
    };
    const engine = utilityEngineSpawner('/app/out/engine/host.js', undefined, crashes)();
    engine.onExit(() => {});
    listeners.forEach((l) => l('oom'));
    expect(child.posted).toEqual([{ message: { kind: 'trainer-gone', reason: 'oom' }, transfer: undefined }]);
    child.listeners.exit(0);
    expect(listeners).toEqual([]);
  });

  test('a window that cannot open becomes an error answer, never a hang', async () => {
    child.posted = [];
    const engine = utilityEngineSpawner('/app/out/engine/host.js', async () => {
      throw new Error('the GPU trainer window did not load: ERR_FAILED');
    })();
    engine.onMessage(() => {});
    child.listeners.message({ kind: 'trainer-port-request', id: 8 });
    await settle();
    expect(child.posted).toEqual([
      {
        message: { kind: 'trainer-port', id: 8, error: 'the GPU trainer window did not load: ERR_FAILED' },
        transfer: undefined,
      },
    ]);
  });
});

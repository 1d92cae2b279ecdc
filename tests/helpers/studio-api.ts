import { vi } from 'vitest';

/**
 * The renderer's one seam to the engine is `lib/studio`'s `studio` object. State-class tests
 * replace it with this: every call is a vi.fn the test answers, every event a subscription the
 * test can fire.
 */
export function fakeStudioApi() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const calls = new Map<string, ReturnType<typeof vi.fn>>();
  const on = (event: string) => (cb: (payload: unknown) => void) => {
    const set = listeners.get(event) ?? new Set();
    set.add(cb);
    listeners.set(event, set);
    return () => set.delete(cb);
  };
  const api = new Proxy({} as Record<string, unknown>, {
    get(_, group: string) {
      if (group.startsWith('on')) return on(group);
      return new Proxy({} as Record<string, unknown>, {
        get(_, method: string) {
          const key = `${group}.${method}`;
          if (!calls.has(key))
            calls.set(
              key,
              vi.fn(async () => undefined),
            );
          return calls.get(key);
        },
      });
    },
  });
  return {
    api,
    /** The mock behind `studio.<group>.<method>`. */
    call(key: string): ReturnType<typeof vi.fn> {
      void (api[key.split('.')[0]] as Record<string, unknown>)[key.split('.')[1]];
      return calls.get(key)!;
    },
    emit(event: string, payload: unknown): void {
      for (const cb of listeners.get(event) ?? []) cb(payload);
    },
  };
}

/** Node has no animation frames: state classes that coalesce per frame get a 16-ms timer. */
export function stubAnimationFrame(): void {
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16));
}

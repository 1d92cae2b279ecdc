import { vi, type Mock } from 'vitest';
import { isChannelName } from '../../src/shared/contract/index';
import type { ChannelName, EventName, EventPayload, Request, Response } from '../../src/shared/contract/index';
import { createStudioApi, type StudioApi } from '../../src/shared/contract/studio-api';

/** A channel's stand-in: answers what the renderer asks, typed from the contract. */
export type FakeCall<C extends ChannelName> = Mock<(request: Request<C>) => Promise<Response<C>>>;

/** Answers a test gives up front, keyed by channel name: `{ 'models:list': async () => … }`. */
export type FakeAnswers = { [C in ChannelName]?: (request: Request<C>) => Promise<Response<C>> };

export interface FakeStudio {
  /** Built by the contract's own `createStudioApi`, so it has exactly the real API's functions. */
  api: StudioApi;
  /** The mock behind a channel, e.g. `call('models:list')` for `studio.models.list`. */
  call<C extends ChannelName>(channel: C): FakeCall<C>;
  /** Fires an event at the renderer's subscribers, e.g. `emit('engine:status', status)`. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export const FAKE_STUDIO_ERRORS = {
  unknownChannel: (name: string) => `the contract has no channel "${name}"`,
} as const;

/**
 * The renderer's one seam to the engine is `lib/studio`'s `studio` object. State-class tests
 * replace it with this: every call is a vi.fn the test answers (a channel nobody answered
 * resolves to undefined), every event a subscription the test can fire.
 */
export function fakeStudioApi(answers: FakeAnswers = {}): FakeStudio {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const calls = new Map<ChannelName, Mock<(request: never) => Promise<unknown>>>();

  function call<C extends ChannelName>(channel: C): FakeCall<C> {
    // Types stop a wrong name at compile time; this stops one that arrives through a cast.
    if (!isChannelName(channel)) throw new Error(FAKE_STUDIO_ERRORS.unknownChannel(channel));
    let mock = calls.get(channel);
    if (!mock) {
      const answer = answers[channel] as ((request: Request<C>) => Promise<Response<C>>) | undefined;
      mock = vi.fn(answer ?? (async () => undefined)) as Mock<(request: never) => Promise<unknown>>;
      calls.set(channel, mock);
    }
    return mock as unknown as FakeCall<C>;
  }

  const api = createStudioApi({
    invoke: (channel, request) => call(channel)(request as never),
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  });

  return {
    api,
    call,
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
  };
}

/** Node has no animation frames: state classes that coalesce per frame get a 16-ms timer. */
export function stubAnimationFrame(): void {
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 16));
}

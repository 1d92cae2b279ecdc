import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { startEngine, type Engine } from '../../src/engine/engine';
import { unwrap, type Envelope } from '../../src/shared/contract/envelope';
import type { EngineChannelName, EventName, Request, Response } from '../../src/shared/contract/index';
import { tempDir } from './temp-folder';

export interface EngineUnderTest {
  engine: Engine;
  home: string;
  events: Array<{ name: EventName; payload: unknown }>;
  call<C extends EngineChannelName>(channel: C, request: Request<C>): Promise<Response<C>>;
  raw(channel: string, request: unknown): Promise<Envelope<unknown>>;
  /** Resolves with the first event (already seen or still to come) that matches. */
  waitForEvent<T>(name: EventName, match?: (payload: T) => boolean, timeoutMs?: number): Promise<T>;
  close(): void;
}

/** The engine in this process (wasm backend) on a fresh data home, recording every event. */
export async function engineUnderTest(): Promise<EngineUnderTest> {
  const home = tempDir('handlers');
  const events: EngineUnderTest['events'] = [];
  const engine = await startEngine(
    { dataHome: home, resourcesDir: join(home, 'no-resources'), backend: 'wasm' },
    (name, payload) => {
      events.push({ name, payload });
    },
  );
  return {
    engine,
    home,
    events,
    call: async (channel, request) => unwrap(await engine.handle(channel, request)) as never,
    raw: (channel, request) => engine.handle(channel, request),
    waitForEvent: async <T>(name: EventName, match: (payload: T) => boolean = () => true, timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = events.find((e) => e.name === name && match(e.payload as T));
        if (found) return found.payload as T;
        if (Date.now() > deadline) throw new Error(`no ${name} event within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: () => rmSync(home, { recursive: true, force: true }),
  };
}

import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unwrap } from '../../src/shared/contract/envelope';
import type { EngineChannelName, Request, Response } from '../../src/shared/contract/index';
import { startEngine, type Engine } from '../../src/engine/engine';
import { tempFolder } from './temp-folder';
import { ensureFixtureModel, FIXTURE_NAME } from './tiny-models';

/** The MNIST VAE fixture's model id once it is in a data home. */
export const FIXTURE_MODEL = `user:${FIXTURE_NAME}`;

/** A vertical bar ("1") and a ring ("0") in canvas pixels. */
export const ONE = [{ x: [200, 200, 201], y: [60, 200, 340] }];
export const ZERO = [
  {
    x: Array.from({ length: 33 }, (_, i) => 200 + 80 * Math.sin((i / 32) * 2 * Math.PI)),
    y: Array.from({ length: 33 }, (_, i) => 200 - 130 * Math.cos((i / 32) * 2 * Math.PI)),
  },
];

export interface FixtureEngine {
  engine: Engine;
  home: string;
  call<C extends EngineChannelName>(channel: C, request: Request<C>): Promise<Response<C>>;
  close(): void;
}

/**
 * The engine in this process (wasm) on a fresh data home holding the MNIST VAE fixture. The
 * first run trains the fixture (minutes on wasm): give the hook that calls this a long timeout.
 */
export async function fixtureEngine(): Promise<FixtureEngine> {
  const folder = await ensureFixtureModel();
  const temp = tempFolder('handlers');
  mkdirSync(join(temp.dir, 'models'), { recursive: true });
  cpSync(folder, join(temp.dir, 'models', FIXTURE_NAME), { recursive: true });
  const engine = await startEngine(
    { dataHome: temp.dir, resourcesDir: join(temp.dir, 'no-resources'), backend: 'wasm' },
    () => {},
  );
  return {
    engine,
    home: temp.dir,
    call: async (channel, request) => unwrap(await engine.handle(channel, request)) as never,
    close: () => temp.remove(),
  };
}

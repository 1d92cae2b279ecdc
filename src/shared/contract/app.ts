import type { AppInfo, EngineStatus } from '../types/app';
import { channel } from './define';
import { s } from './schema';

export const appChannels = {
  'app:info': channel('host', s.object({}), s.trusted<AppInfo>()),
  'engine:status': channel('host', s.object({}), s.trusted<EngineStatus>()),
  'engine:restart': channel('host', s.object({}), s.trusted<EngineStatus>()),
  /** Answered by the engine itself: proves the whole path renderer → host → engine works. */
  'engine:ping': channel(
    'engine',
    s.object({ nonce: s.integer(0, 2 ** 31) }),
    s.trusted<{ nonce: number; backend: string }>(),
  ),
} as const;

export const appEvents = {
  'engine:status': s.trusted<EngineStatus>(),
} as const;

import type { StudioApi } from '../../src/shared/contract/studio-api';
import { fakeStudioApi } from './studio-api';

/**
 * What state-class tests put in place of `lib/studio`, the renderer's one seam to the engine:
 * `vi.mock('…/src/renderer/src/lib/studio', () => import('…/helpers/mocked-studio'))`.
 * `studio` forwards to `fake.current.api`, so a test swaps in a fresh fake in its beforeEach.
 */
export const fake = { current: fakeStudioApi() };

export const studio = new Proxy({} as StudioApi, {
  get: (_, group: keyof StudioApi) => fake.current.api[group],
});

export const hostKind = 'browser';

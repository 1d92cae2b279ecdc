import type { ModelList } from '../types/latent';
import { channel } from './define';
import { s } from './schema';

/** Channels and events of the models feature. */
export const modelsChannels = {
  /** Shipped models first, then the person's own, with the backend that runs them. */
  'models:list': channel('engine', s.object({}), s.trusted<ModelList>()),
} as const;

export const modelsEvents = {} as const;

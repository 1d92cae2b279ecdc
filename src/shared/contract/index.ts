import { appChannels, appEvents } from './app';
import { drawingChannels } from './drawing';
import { modelsChannels, modelsEvents } from './models';
import { latentChannels, latentEvents } from './latent';
import { conceptsChannels, conceptsEvents } from './concepts';
import { datasetsChannels, datasetsEvents } from './datasets';
import { trainingChannels, trainingEvents } from './training';
import { drawingsChannels, drawingsEvents } from './drawings';
import { exploreChannels, exploreEvents } from './explore';
import type { ChannelSpec, RequestOf, ResponseOf } from './define';
import type { Infer } from './schema';

/**
 * The whole contract: every channel between the renderer and the host processes, and every
 * event pushed to the renderer. Feature files add their own maps here.
 */
export const channels = {
  ...appChannels,
  ...drawingChannels,
  ...modelsChannels,
  ...latentChannels,
  ...conceptsChannels,
  ...datasetsChannels,
  ...trainingChannels,
  ...drawingsChannels,
  ...exploreChannels,
} as const;

export const events = {
  ...appEvents,
  ...modelsEvents,
  ...latentEvents,
  ...conceptsEvents,
  ...datasetsEvents,
  ...trainingEvents,
  ...drawingsEvents,
  ...exploreEvents,
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type Request<C extends ChannelName> = RequestOf<Channels[C]>;
export type Response<C extends ChannelName> = ResponseOf<Channels[C]>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = Infer<Events[E]>;

export type EngineChannelName = {
  [C in ChannelName]: Channels[C]['handler'] extends 'engine' ? C : never;
}[ChannelName];
export type HostChannelName = Exclude<ChannelName, EngineChannelName>;

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

export function isEngineChannel(name: ChannelName): name is EngineChannelName {
  return (channels[name] as ChannelSpec<unknown, unknown>).handler === 'engine';
}

export { channel } from './define';
export { s, SchemaError } from './schema';

import {
  channels,
  events,
  type ChannelName,
  type EventName,
  type EventPayload,
  type Request,
  type Response,
} from './index';

/** What every transport (Electron IPC, WebSocket) offers; the renderer never sees which one it has. */
export interface StudioTransport {
  invoke(channel: ChannelName, request: unknown): Promise<unknown>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

type NamespaceOf<C> = C extends `${infer NS}:${string}` ? NS : never;
type MethodOf<C> = C extends `${string}:${infer M}` ? M : never;
type Camel<S extends string> = S extends `${infer A}-${infer B}` ? `${A}${Capitalize<Camel<B>>}` : S;
type Pascal<S extends string> = Capitalize<Camel<S extends `${infer A}:${infer B}` ? `${A}-${B}` : S>>;

type Namespace = NamespaceOf<ChannelName>;

/** `studio.models.list()`, `studio.training.start(cfg)`: one intent-named function per channel. */
export type StudioCalls = {
  [NS in Namespace]: {
    [C in ChannelName as NamespaceOf<C> extends NS ? Camel<MethodOf<C>> : never]: (
      request: Request<C>,
    ) => Promise<Response<C>>;
  };
};

/** `studio.onEngineStatus(cb)` → unsubscribe. */
export type StudioEvents = {
  [E in EventName as `on${Pascal<E>}`]: (listener: (payload: EventPayload<E>) => void) => () => void;
};

export type StudioApi = StudioCalls & StudioEvents;

function camel(text: string): string {
  return text.replace(/[-:]([a-z])/g, (_, c: string) => c.toUpperCase());
}

export function eventMethodName(event: string): string {
  const c = camel(event);
  return `on${c[0].toUpperCase()}${c.slice(1)}`;
}

/** Builds the typed API from the contract's tables over any transport. */
export function createStudioApi(transport: StudioTransport): StudioApi {
  const api: Record<string, unknown> = {};
  for (const name of Object.keys(channels) as ChannelName[]) {
    const [ns, method] = name.split(':');
    const group = (api[ns] ??= {}) as Record<string, unknown>;
    group[camel(method)] = (request: unknown) => transport.invoke(name, request ?? {});
  }
  for (const name of Object.keys(events) as EventName[]) {
    api[eventMethodName(name)] = (listener: (payload: unknown) => void) => transport.subscribe(name, listener);
  }
  return api as StudioApi;
}

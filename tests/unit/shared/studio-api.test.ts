import { describe, expect, test } from 'vitest';
import { channels, events } from '../../../src/shared/contract/index';
import { createStudioApi, eventMethodName, type StudioTransport } from '../../../src/shared/contract/studio-api';

describe('createStudioApi', () => {
  test('exposes one intent-named function per channel and one subscriber per event', async () => {
    const calls: Array<[string, unknown]> = [];
    const subscribed: string[] = [];
    const transport: StudioTransport = {
      invoke: async (channel, request) => {
        calls.push([channel, request]);
        return 'ok';
      },
      subscribe: (event) => {
        subscribed.push(event);
        return () => undefined;
      },
    };
    const api = createStudioApi(transport);
    await expect(api.engine.ping({ nonce: 3 })).resolves.toBe('ok');
    await api.app.info({});
    expect(calls).toEqual([
      ['engine:ping', { nonce: 3 }],
      ['app:info', {}],
    ]);
    api.onEngineStatus(() => undefined);
    expect(subscribed).toEqual(['engine:status']);

    for (const name of Object.keys(channels)) {
      const [ns, method] = name.split(':');
      const camel = method.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
      expect(typeof (api as unknown as Record<string, Record<string, unknown>>)[ns][camel]).toBe('function');
    }
    for (const name of Object.keys(events)) {
      expect(typeof (api as unknown as Record<string, unknown>)[eventMethodName(name)]).toBe('function');
    }
  });

  test('event method names are camel-cased from the event name', () => {
    expect(eventMethodName('training:progress')).toBe('onTrainingProgress');
    expect(eventMethodName('engine:status')).toBe('onEngineStatus');
    expect(eventMethodName('import:file-done')).toBe('onImportFileDone');
  });
});

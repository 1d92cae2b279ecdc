import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';

const fake = vi.hoisted(() => ({ current: undefined as unknown as ReturnType<typeof fakeStudioApi> }));
vi.mock('../../../src/renderer/src/lib/studio', () => ({
  get studio() {
    return fake.current.api;
  },
  hostKind: 'browser',
}));
stubAnimationFrame();
const { DatasetsState } = await import('../../../src/renderer/src/state/datasets.svelte');

describe('DatasetsState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('lists datasets, shows import progress, and keeps the list when a delete fails', async () => {
    const data = new DatasetsState();
    fake.current.call('datasets.list').mockResolvedValue([{ id: 'd1', name: 'cats' }]);
    const off = data.connect();
    await vi.waitFor(() => expect(data.datasets).toHaveLength(1));
    fake.current.emit('onDatasetsImportProgress', { name: 'cat.ndjson', added: 12, fraction: 0.5 });
    expect([data.phase, data.fraction]).toEqual(['Reading cat.ndjson: 12 added', 0.5]);
    fake.current.call('datasets.delete').mockRejectedValue(new Error('no such dataset'));
    await data.remove('d1');
    expect([data.error, data.datasets.length]).toEqual(['no such dataset', 1]);
    off();
  });
});

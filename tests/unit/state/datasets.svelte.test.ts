import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { datasetInfo, importProgress } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { DatasetsState } = await import('../../../src/renderer/src/state/datasets.svelte');

describe('DatasetsState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('lists datasets, shows import progress, and keeps the list when a delete fails', async () => {
    const data = new DatasetsState();
    fake.current.call('datasets:list').mockResolvedValue([datasetInfo('d1', 'cats')]);
    const off = data.connect();
    await vi.waitFor(() => expect(data.datasets).toHaveLength(1));
    fake.current.emit('datasets:import-progress', importProgress('cat.ndjson', 12, 0.5));
    expect([data.phase, data.fraction]).toEqual(['Reading cat.ndjson: 12 added', 0.5]);
    fake.current.call('datasets:delete').mockRejectedValue(new Error('no such dataset'));
    await data.remove('d1');
    expect([data.error, data.datasets.length]).toEqual(['no such dataset', 1]);
    off();
  });

  test('an import carries the category typed (trimmed) and the item limit; blank ones are left out', async () => {
    const data = new DatasetsState();
    fake.current.call('datasets:import').mockResolvedValue({ files: [], dataset: null });
    fake.current.call('datasets:list').mockResolvedValue([]);
    fake.current.call('dialog:open-data-files').mockResolvedValue([{ id: 'f1', name: 'cat.ndjson', size: 1 }]);
    data.category = '  cat ';
    data.limit = 500;
    await data.pickWithDialog();
    expect(fake.current.call('datasets:import')).toHaveBeenLastCalledWith({
      files: ['f1'],
      category: 'cat',
      limit: 500,
    });
    data.category = '   ';
    data.limit = undefined;
    await data.pickWithDialog();
    expect(fake.current.call('datasets:import')).toHaveBeenLastCalledWith({ files: ['f1'] });
    expect([data.category, data.limit]).toEqual(['   ', undefined]);
  });
});

import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { modelSummary } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
const { ModelsState } = await import('../../../src/renderer/src/state/models.svelte');
const { UI_MESSAGES } = await import('../../../src/renderer/src/lib/errors');

describe('ModelsState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('refresh picks a model, keeps the picked one while it is listed, and says when there are none', async () => {
    const onChange = vi.fn();
    const models = new ModelsState(onChange);
    fake.current
      .call('models:list')
      .mockResolvedValue({ models: [modelSummary('user:a'), modelSummary('user:c', 'cvae')], backend: 'wasm' });
    await models.refresh();
    expect(models.selectedId).toBeDefined();
    models.select('user:c');
    models.select('user:c');
    expect(onChange).toHaveBeenCalledTimes(2);
    await models.refresh();
    expect([models.selectedId, models.conditional, models.backend]).toEqual(['user:c', true, 'wasm']);
    fake.current.call('models:list').mockResolvedValue({ models: [], backend: 'wasm' });
    await models.refresh();
    expect([models.selectedId, models.hint]).toEqual([undefined, UI_MESSAGES.noModels]);
    fake.current.call('models:list').mockRejectedValue(new Error('engine gone'));
    await models.refresh();
    expect([models.error, models.loading]).toEqual(['engine gone', false]);
    // Every list read again is a change (a model may have been retrained); a failed one is not.
    expect(onChange).toHaveBeenCalledTimes(4);
  });
});

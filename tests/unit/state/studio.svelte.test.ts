import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { modelSummary } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { Studio } = await import('../../../src/renderer/src/state/studio.svelte');

describe('Studio', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('owns one of each feature state; the class is sent only for a conditional model', async () => {
    const studio = new Studio();
    expect(studio.explore.host.model).toBeUndefined();
    studio.reconstruction.drawClass(4);
    const listed = (kind: string) => ({ models: [modelSummary('user:c', kind)], backend: 'cpu' as const });
    fake.current.call('models:list').mockResolvedValue(listed('cvae'));
    await studio.models.refresh();
    studio.models.select('user:c');
    expect([studio.modelId, studio.label]).toEqual(['user:c', 4]);
    fake.current.call('models:list').mockResolvedValue(listed('mlp-vae'));
    await studio.models.refresh();
    expect(studio.label).toBeUndefined();
    studio.drawing.replace([{ x: [1], y: [2] }]);
    expect(studio.strokes()).toEqual([{ x: [1], y: [2] }]);
  });
});

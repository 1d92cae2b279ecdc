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
const { Studio } = await import('../../../src/renderer/src/state/studio.svelte');

describe('Studio', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('owns one of each feature state; the class is sent only for a conditional model', () => {
    const studio = new Studio();
    expect(studio.explore.host.model).toBeUndefined();
    studio.reconstruction.drawClass(4);
    studio.models.list = [{ id: 'user:c', kind: 'cvae' } as never];
    studio.models.selectedId = 'user:c';
    expect([studio.modelId, studio.label]).toEqual(['user:c', 4]);
    studio.models.list = [{ id: 'user:c', kind: 'mlp-vae' } as never];
    expect(studio.label).toBeUndefined();
    studio.drawing.replace([{ x: [1], y: [2] }]);
    expect(studio.strokes()).toEqual([{ x: [1], y: [2] }]);
  });
});

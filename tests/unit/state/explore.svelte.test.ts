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
const { ExploreState, defaultWeights } = await import('../../../src/renderer/src/state/explore.svelte');
const { EXPLORE_MESSAGES } = await import('../../../src/renderer/src/lib/explore-messages');

function host(kind: string, classNames: string[] = []) {
  return {
    ready: true,
    models: [],
    model: { id: 'user:m', kind, latentSize: 2, classNames } as never,
    currentCode: undefined as Float32Array | undefined,
    currentLabel: 3,
    loadStrokes: vi.fn(),
    showImage: vi.fn(),
    showCode: vi.fn(),
  };
}

describe('ExploreState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('a conditional model’s grid is asked at the reconstruction’s class', async () => {
    const explore = new ExploreState(host('cvae', ['a', 'b', 'c', 'd', 'e']));
    explore.reset();
    fake.current.call('explore.grid').mockResolvedValue({ n: 15 });
    await explore.runGrid();
    expect(fake.current.call('explore.grid')).toHaveBeenCalledWith(expect.objectContaining({ label: 3, axes: 'dims' }));
    expect(explore.grid.result).toEqual({ n: 15 });
  });

  test('blending with no weight and interpolating from a missing drawing say what to do', async () => {
    const explore = new ExploreState(host('cvae', ['a', 'b']));
    explore.weights = [0, 0];
    await explore.runBlend();
    expect(explore.blend.error).toBe(EXPLORE_MESSAGES.allZero);
    explore.from.kind = 'drawing';
    await explore.runPath();
    expect(explore.path.error).toBe(EXPLORE_MESSAGES.needDrawing);
    expect(defaultWeights(10)[8]).toBe(0.5);
  });

  test('views, frames, endpoints and the grid range change through methods', () => {
    const explore = new ExploreState(host('mlp-vae'));
    explore.show('samples');
    explore.showFrame(3);
    explore.from.use('item');
    explore.gridSettings.setRange(0.01, 0.99);
    expect([explore.view, explore.frame, explore.playing, explore.from.kind]).toEqual(['samples', 3, false, 'item']);
    expect([explore.gridSettings.low, explore.gridSettings.high]).toEqual([0.01, 0.99]);
  });
});

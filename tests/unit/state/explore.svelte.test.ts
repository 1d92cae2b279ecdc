import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { exploreGrid, exploreItem, imageBlock } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
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
    const grid = exploreGrid(15);
    fake.current.call('explore:grid').mockResolvedValue(grid);
    await explore.runGrid();
    expect(fake.current.call('explore:grid')).toHaveBeenCalledWith(expect.objectContaining({ label: 3, axes: 'dims' }));
    expect(explore.grid.result).toEqual(grid);
  });

  test('blending with no weight and interpolating from a missing drawing say what to do', async () => {
    const explore = new ExploreState(host('cvae', ['a', 'b']));
    explore.reset();
    explore.weights[0] = 0;
    explore.weights[1] = 0;
    await explore.runBlend();
    expect(explore.blend.error).toBe(EXPLORE_MESSAGES.allZero);
    explore.from.kind = 'drawing';
    await explore.runPath();
    expect(explore.path.error).toBe(EXPLORE_MESSAGES.needDrawing);
    expect(defaultWeights(10)[8]).toBe(0.5);
  });

  test('endpoints, grid settings, steps and weights written by the views reach the requests', async () => {
    const explore = new ExploreState(host('cvae', ['a', 'b', 'c']));
    explore.reset();
    const g = explore.gridSettings;
    g.n = 5;
    g.axes = 'dims';
    g.dimX = 1;
    g.dimY = 0;
    g.label = 2;
    fake.current.call('explore:grid').mockResolvedValue(exploreGrid(5));
    await explore.runGrid();
    expect(fake.current.call('explore:grid')).toHaveBeenCalledWith(
      expect.objectContaining({ n: 5, axes: 'dims', dims: [1, 0], label: 2 }),
    );
    explore.from.seed = 7;
    explore.from.reseed();
    explore.to.kind = 'item';
    explore.to.index = 42;
    explore.steps = 99;
    explore.mode = 'spherical';
    const code = Float32Array.of(1, 2);
    fake.current.call('explore:samples').mockResolvedValue(imageBlock(1, 2, code));
    fake.current.call('explore:item').mockResolvedValue(exploreItem(42, code));
    fake.current.call('explore:interpolate').mockResolvedValue(imageBlock(32));
    await explore.runPath();
    expect(fake.current.call('explore:samples')).toHaveBeenCalledWith(expect.objectContaining({ seed: 17, label: 2 }));
    expect(fake.current.call('explore:item')).toHaveBeenCalledWith({ modelId: 'user:m', index: 42 });
    expect(explore.steps).toBe(32);
    expect(fake.current.call('explore:interpolate')).toHaveBeenCalledWith(
      expect.objectContaining({ steps: 32, mode: 'spherical' }),
    );
    explore.weights[0] = 0;
    explore.weights[2] = 0.25;
    fake.current.call('explore:blend').mockResolvedValue(imageBlock(4));
    await explore.runBlend();
    expect(fake.current.call('explore:blend')).toHaveBeenCalledWith(
      expect.objectContaining({ weights: [0, 0.5, 0.25] }),
    );
  });
});

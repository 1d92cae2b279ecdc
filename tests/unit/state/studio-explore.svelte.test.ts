import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ExploreNeighbours, ExploreScatter } from '../../../src/shared/contract/explore';
import { stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { exploreGrid, imageBlock } from '../../helpers/studio-answers';
import { connectedStudio, drawStroke } from '../../helpers/connected-studio';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();

const scatter: ExploreScatter = {
  count: 1,
  projection: 'latent',
  points: new Float32Array(2),
  labels: new Int32Array(1),
  classNames: [],
  imageSize: 1,
  thumbnails: new Uint8Array(1),
  axisLabels: ['z0', 'z1'],
  sourceLabel: 'test',
};
const neighbours: ExploreNeighbours = { neighbours: [], imageSize: 1, thumbnails: new Uint8Array() };

/** A studio on two 2-d models whose Explore views all have answers. */
const exploringStudio = () =>
  connectedStudio(['mlp-vae', 'mlp-vae'], {
    'explore:grid': async ({ n }) => exploreGrid(n),
    'explore:scatter': async () => scatter,
    'explore:samples': async ({ count }) => imageBlock(count),
    'explore:neighbours': async () => neighbours,
  });

/** The requests sent on a channel so far. */
const asked = <C extends 'explore:grid' | 'explore:samples' | 'explore:neighbours'>(channel: C) =>
  fake.current.call(channel).mock.calls;

describe('Studio: when each Explore view runs', () => {
  let off = () => {};
  afterEach(() => off());
  /** The exploring studio, disconnected after the test. */
  const openStudio = async () => {
    const connected = await exploringStudio();
    off = connected.off;
    return connected.studio;
  };

  test('the view shown is computed once per model; showing the tab again starts afresh', async () => {
    const studio = await openStudio();
    expect(asked('explore:grid')).toHaveLength(0);
    studio.showTab('explore');
    await vi.waitFor(() => expect(studio.explore.grid.result).toBeDefined());
    studio.explore.show('samples');
    studio.explore.show('grid');
    await vi.waitFor(() => expect(studio.explore.samples.result).toBeDefined());
    expect([asked('explore:grid').length, asked('explore:samples').length]).toEqual([1, 1]);
    studio.models.select('user:m1');
    expect(studio.explore.samples.result).toBeUndefined();
    expect(asked('explore:grid').at(-1)?.[0]).toEqual(expect.objectContaining({ modelId: 'user:m1' }));
    studio.showTab('latent');
    studio.showTab('explore');
    expect(asked('explore:grid')).toHaveLength(3);
  });

  test('an engine coming back computes the view shown', async () => {
    const studio = await openStudio();
    fake.current.emit('engine:status', { state: 'restarting', restarts: 1 });
    studio.showTab('explore');
    expect(asked('explore:grid')).toHaveLength(0);
    fake.current.emit('engine:status', { state: 'ready', restarts: 1 });
    expect(asked('explore:grid')).toHaveLength(1);
  });

  test('the settled drawing moves the scatter’s marker and Similar looks again, while Explore is shown', async () => {
    const studio = await openStudio();
    studio.showTab('explore');
    studio.explore.show('scatter');
    await vi.waitFor(() => expect(studio.explore.scatter.result).toBeDefined());
    await drawStroke(studio, 1);
    expect(studio.explore.marker).toEqual([1, 0]);
    studio.explore.show('similar');
    expect(asked('explore:neighbours').at(-1)?.[0].code).toEqual(Float32Array.of(1, 0));
    await drawStroke(studio, 5);
    expect(asked('explore:neighbours').at(-1)?.[0].code).toEqual(Float32Array.of(2, 0));
    const looked = asked('explore:neighbours').length;
    studio.showTab('latent');
    await drawStroke(studio, 9);
    expect(asked('explore:neighbours')).toHaveLength(looked);
  });

  test('Interpolate starts from the drawing once there is one; a start the person picks again stays', async () => {
    const studio = await openStudio();
    studio.showTab('explore');
    studio.explore.show('path');
    expect(studio.explore.from.kind).toBe('sample');
    await drawStroke(studio, 1);
    expect(studio.explore.from.kind).toBe('drawing');
    studio.explore.from.kind = 'sample';
    await drawStroke(studio, 5);
    expect(studio.explore.from.kind).toBe('sample');
  });
});

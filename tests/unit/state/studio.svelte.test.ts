import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { concept } from '../../helpers/studio-answers';
import { connectedStudio, drawStroke, listedModels } from '../../helpers/connected-studio';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { Studio } = await import('../../../src/renderer/src/state/studio.svelte');

const reconstructed = () => fake.current.call('latent:reconstruct').mock.calls.map(([req]) => req);

describe('Studio', () => {
  let off = () => {};
  beforeEach(() => (fake.current = fakeStudioApi()));
  afterEach(() => off());

  test('the class is sent only for a conditional model; strokes() is the drawing as plain data', async () => {
    const studio = new Studio();
    studio.drawClass(4);
    fake.current.call('models:list').mockResolvedValue(listedModels('cvae'));
    await studio.models.refresh();
    expect([studio.modelId, studio.label]).toEqual(['user:m0', 4]);
    fake.current.call('models:list').mockResolvedValue(listedModels('mlp-vae'));
    await studio.models.refresh();
    expect(studio.label).toBeUndefined();
    studio.drawing.replace([{ x: [1], y: [2] }]);
    expect(studio.strokes()).toEqual([{ x: [1], y: [2] }]);
  });

  test('the engine coming up lists the models and drawings; the chosen model reconstructs the canvas', async () => {
    const connected = await connectedStudio(['mlp-vae']);
    off = connected.off;
    expect(fake.current.call('models:list')).toHaveBeenCalledTimes(1);
    expect(fake.current.call('drawings:list')).toHaveBeenCalledTimes(1);
    expect(reconstructed()).toEqual([expect.objectContaining({ modelId: 'user:m0', strokes: [] })]);
    // The Latent tab is on screen: its axes are read for the model.
    expect(fake.current.call('latent:space')).toHaveBeenCalledWith({ modelId: 'user:m0', label: undefined });
    // The engine stops and comes back: what it holds is read again.
    fake.current.emit('engine:status', { state: 'restarting', restarts: 1 });
    fake.current.emit('engine:status', { state: 'ready', restarts: 1 });
    await vi.waitFor(() => expect(fake.current.call('models:list')).toHaveBeenCalledTimes(2));
    expect(fake.current.call('drawings:list')).toHaveBeenCalledTimes(2);
  });

  test('a stroke is reconstructed while drawn and at its end; the settled code moves the sliders', async () => {
    const connected = await connectedStudio(['mlp-vae']);
    off = connected.off;
    const { studio } = connected;
    await vi.waitFor(() => expect(studio.latent.space).toBeDefined());
    studio.drawing.begin(1, 1, 0);
    // The first point is asked about at once, from inside the pointer handler.
    expect(reconstructed().at(-1)).toEqual(expect.objectContaining({ strokes: [{ x: [1], y: [1], t: [0] }] }));
    studio.drawing.extend(2, 2, 5);
    studio.drawing.end();
    expect(reconstructed().at(-1)).toEqual(expect.objectContaining({ strokes: [{ x: [1, 2], y: [1, 2], t: [0, 5] }] }));
    await vi.waitFor(() => expect(studio.reconstruction.settledCode).toEqual(Float32Array.of(1, 0)));
    expect([studio.latent.base, studio.latent.values]).toEqual([Float32Array.of(1, 0), [1, 0]]);
    // Undo is a change of the drawing too: the empty canvas has no code, so no sliders.
    studio.drawing.undo();
    await vi.waitFor(() => expect(studio.reconstruction.settledCode).toBeUndefined());
    expect(studio.latent.values).toEqual([]);
  });

  test('another model or class starts the reconstruction over; a class means nothing to other models', async () => {
    const connected = await connectedStudio(['cvae', 'mlp-vae']);
    off = connected.off;
    const { studio } = connected;
    await drawStroke(studio, 1);
    expect(studio.latent.values).toEqual([1, 0]);
    studio.drawClass(3);
    expect(studio.latent.values).toEqual([]);
    expect(reconstructed().at(-1)).toEqual(expect.objectContaining({ modelId: 'user:m0', label: 3 }));
    expect(fake.current.call('latent:space')).toHaveBeenLastCalledWith({ modelId: 'user:m0', label: 3 });
    await vi.waitFor(() => expect(studio.latent.values).toEqual([1, 3]));
    studio.models.select('user:m1');
    expect(reconstructed().at(-1)).toEqual(
      expect.objectContaining({ modelId: 'user:m1', strokes: [expect.anything()] }),
    );
    const asked = reconstructed().length;
    studio.drawClass(5);
    expect(reconstructed()).toHaveLength(asked);
  });

  test('a tab’s feature is asked only while it is shown: concepts follow the drawing on the Concepts tab', async () => {
    const connected = await connectedStudio(['mlp-vae']);
    off = connected.off;
    const { studio } = connected;
    fake.current.call('concepts:list').mockResolvedValue({ concepts: [concept('c-a')] });
    fake.current.call('concepts:samples').mockResolvedValue({ items: [], classNames: [], size: 28, total: 0 });
    fake.current.call('concepts:apply').mockResolvedValue({ output: new Float32Array(1), size: 1 });
    await drawStroke(studio, 1);
    expect(fake.current.call('concepts:list')).not.toHaveBeenCalled();
    studio.showTab('concepts');
    // The first concept is selected once listed, and applied to the drawing.
    await vi.waitFor(() => expect(fake.current.call('concepts:apply')).toHaveBeenCalledTimes(1));
    expect(fake.current.call('concepts:apply')).toHaveBeenLastCalledWith(
      expect.objectContaining({ id: 'c-a', strokes: [expect.anything()] }),
    );
    await drawStroke(studio, 5);
    await vi.waitFor(() => expect(fake.current.call('concepts:apply')).toHaveBeenCalledTimes(2));
    expect(fake.current.call('concepts:apply')).toHaveBeenLastCalledWith(
      expect.objectContaining({ strokes: [expect.anything(), expect.anything()] }),
    );
    studio.showTab('latent');
    await drawStroke(studio, 9);
    // Applying is coalesced per frame: one would have gone by now.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fake.current.call('concepts:apply')).toHaveBeenCalledTimes(2);
  });

  test('Train and Data read the engine again each time they are shown; a finished run lists the models', async () => {
    const connected = await connectedStudio(['mlp-vae']);
    off = connected.off;
    const { studio } = connected;
    const sources = fake.current.call('training:sources').mock.calls.length;
    const datasets = fake.current.call('datasets:list').mock.calls.length;
    studio.showTab('train');
    studio.showTab('train');
    studio.showTab('data');
    expect(fake.current.call('training:sources')).toHaveBeenCalledTimes(sources + 1);
    expect(fake.current.call('datasets:list')).toHaveBeenCalledTimes(datasets + 1);
    fake.current.emit('training:done', {
      runId: 'r',
      status: 'completed',
      modelId: 'user:new',
      modelName: 'new',
      epochsDone: 1,
    });
    await vi.waitFor(() => expect(fake.current.call('models:list')).toHaveBeenCalledTimes(2));
  });
});

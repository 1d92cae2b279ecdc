import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { latentSpace } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { LatentState } = await import('../../../src/renderer/src/state/latent.svelte');

describe('LatentState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('sliders start at the drawing’s code and decode the moved code', async () => {
    const latent = new LatentState();
    fake.current.call('latent:space').mockResolvedValue(latentSpace());
    fake.current.call('latent:decode').mockResolvedValue({ output: new Float32Array(4), size: 2 });
    await latent.loadSpace('user:m');
    latent.follow(new Float32Array([0.5, -1]));
    expect(latent.values).toEqual([0.5, -1]);
    latent.set('user:m', 0, 2);
    expect(latent.moved).toBe(true);
    await vi.waitFor(() => expect(latent.decoded?.size).toBe(2));
    const sent = fake.current.call('latent:decode').mock.calls[0][0] as { z: Float32Array };
    expect(Array.from(sent.z)).toEqual([2, -1]);
    latent.reset();
    expect(latent.moved).toBe(false);
  });
});

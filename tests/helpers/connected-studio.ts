import { expect, vi } from 'vitest';
import type { Studio } from '../../src/renderer/src/state/studio.svelte';
import { fake } from './mocked-studio';
import { fakeStudioApi, type FakeAnswers } from './studio-api';
import { appInfo, latentSpace, modelSummary, reconstruction } from './studio-answers';

/** A models list of `kinds`, named user:m0, user:m1, … */
export const listedModels = (...kinds: string[]) => ({
  models: kinds.map((kind, i) => modelSummary(`user:m${i}`, kind)),
  backend: 'cpu' as const,
});

/**
 * A Studio connected to a fake engine that is up (the test file mocks `lib/studio` with
 * `mocked-studio`): it lists `kinds` as models, reads a 2-d latent, and answers a drawing of n
 * strokes at class c with the code [n, c]. Resolves once the first model's empty canvas is
 * reconstructed; `off` unsubscribes.
 */
export async function connectedStudio(kinds: string[], answers: FakeAnswers = {}) {
  fake.current = fakeStudioApi({
    'app:info': async () => appInfo({ state: 'ready', restarts: 0 }),
    'models:list': async () => listedModels(...kinds),
    'drawings:list': async () => [],
    'latent:space': async () => latentSpace(),
    'latent:reconstruct': async ({ strokes, label }) => reconstruction(strokes.length, label ?? 0),
    ...answers,
  });
  const { Studio } = await import('../../src/renderer/src/state/studio.svelte');
  const studio = new Studio();
  const off = studio.connect();
  await vi.waitFor(() => expect(studio.reconstruction.settled).toBeDefined());
  return { studio, off };
}

/** Draws a two-point stroke and waits for its settled code (the stroke count comes first). */
export async function drawStroke(studio: Studio, x: number): Promise<void> {
  studio.drawing.begin(x, x, 0);
  studio.drawing.extend(x + 1, x + 1, 5);
  studio.drawing.end();
  const strokes = studio.drawing.strokes.length;
  await vi.waitFor(() => expect(studio.reconstruction.settledCode?.[0]).toBe(strokes));
}

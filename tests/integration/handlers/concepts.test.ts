import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FIXTURE_NAME } from '../../helpers/tiny-models';
import { fixtureEngine, FIXTURE_MODEL as MODEL, ONE, ZERO, type FixtureEngine } from '../../helpers/fixture-engine';

describe('concepts handlers on a trained MNIST VAE', () => {
  let fixture: FixtureEngine;
  let engine: FixtureEngine['engine'];
  let call: FixtureEngine['call'];

  beforeAll(async () => {
    fixture = await fixtureEngine();
    ({ engine, call } = fixture);
  }, 900_000); // the first run trains the fixture model (minutes on wasm); later runs reuse it
  afterAll(() => fixture.close());

  test('defines, persists, applies and deletes a concept vector (7 − 1)', async () => {
    const concept = await call('concepts:define', {
      modelId: MODEL,
      name: 'sevenness',
      a: { kind: 'label', label: 7 },
      b: { kind: 'label', label: 1 },
    });
    expect(concept.description).toBe('7 − 1');
    expect(concept.vector).toHaveLength(2);
    const listed = await call('concepts:list', { modelId: MODEL });
    expect(listed.concepts.map((c) => c.name)).toEqual(['sevenness']);
    const weak = await call('concepts:apply', { modelId: MODEL, id: concept.id, strokes: ONE, strength: 0 });
    const strong = await call('concepts:apply', { modelId: MODEL, id: concept.id, strokes: ONE, strength: 2 });
    const diff = weak.output.reduce((a, v, i) => a + Math.abs(v - strong.output[i]), 0);
    expect(diff).toBeGreaterThan(10);
    const after = await call('concepts:delete', { modelId: MODEL, id: concept.id });
    expect(after.concepts).toHaveLength(0);
  });

  test('concepts from picked items and from drawings are kept as JSON in the data home', async () => {
    const gallery = await call('concepts:samples', { modelId: MODEL, count: 4, label: 0 });
    const concept = await call('concepts:define', {
      modelId: MODEL,
      name: 'roundness',
      a: { kind: 'items', indexes: gallery.items.map((i) => i.index) },
      b: { kind: 'drawings', drawings: [ONE] },
    });
    expect(concept.description).toBe('4 picked items − 1 drawings');
    expect(concept.countA).toBe(4);
    const file = JSON.parse(readFileSync(join(fixture.home, 'concepts', `user--${FIXTURE_NAME}.json`), 'utf8')) as {
      concepts: Array<{ name: string; vector: number[] }>;
    };
    expect(file.concepts.map((c) => c.name)).toContain('roundness');
    expect(file.concepts[0].vector).toHaveLength(2);
    const bad = await engine.handle('concepts:define', {
      modelId: MODEL,
      name: 'x',
      a: { kind: 'items', indexes: [999_999] },
      b: { kind: 'label', label: 1 },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toBe("dataset item 999999 is not in this model's samples");
  });

  test('gallery samples and A − B + C arithmetic', async () => {
    const gallery = await call('concepts:samples', { modelId: MODEL, count: 6, label: 3 });
    expect(gallery.items).toHaveLength(6);
    expect(gallery.items.every((i) => i.label === 3)).toBe(true);
    const result = await call('concepts:arithmetic', {
      modelId: MODEL,
      a: { kind: 'drawing', strokes: ZERO },
      b: { kind: 'item', index: gallery.items[0].index },
      c: { kind: 'item', index: gallery.items[1].index },
    });
    expect(result.images).toHaveLength(4);
    expect(result.images[3]).toHaveLength(784);
  });
});

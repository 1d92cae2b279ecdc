import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineUnderTest, type EngineUnderTest } from '../../helpers/engine-under-test';

const SQUARE = [
  { x: [100, 300, 300, 100, 100], y: [100, 100, 300, 300, 100], t: [0, 10, 20, 30, 40] },
  { x: [150, 250], y: [200, 200.4] },
];

describe('drawings handlers', () => {
  let t: EngineUnderTest;
  beforeAll(async () => {
    t = await engineUnderTest();
  }, 120_000);
  afterAll(() => t?.close());

  test('saves a drawing, lists it and opens it again unchanged', async () => {
    const saved = await t.call('drawings:save', { name: 'my square', drawing: SQUARE, word: 'square' });
    expect(saved).toMatchObject({ name: 'my square', strokes: 2, word: 'square' });
    expect((await t.call('drawings:list', {})).map((d) => d.name)).toEqual(['my square']);
    const opened = await t.call('drawings:open', { name: 'my square' });
    expect(opened.drawing).toEqual(SQUARE);
    await t.call('drawings:save', { name: 'my square', drawing: SQUARE.slice(0, 1) });
    expect((await t.call('drawings:open', { name: 'my square' })).drawing).toHaveLength(1);
    await t.call('drawings:delete', { name: 'my square' });
    expect(await t.call('drawings:list', {})).toEqual([]);
  });

  test('refuses names that would leave the drawings folder', async () => {
    for (const name of ['../x', '..', 'a/b']) {
      const reply = await t.raw('drawings:save', { name, drawing: SQUARE });
      expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });

  test('exports Quick, Draw! simplified NDJSON with normalised integer strokes', async () => {
    const { text } = await t.call('drawings:export-ndjson', { drawing: SQUARE, word: 'square' });
    expect(text.endsWith('\n')).toBe(true);
    const line = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(line)).toEqual(['word', 'countrycode', 'timestamp', 'recognized', 'key_id', 'drawing']);
    expect(line.word).toBe('square');
    expect(line.key_id).toMatch(/^\d{16}$/);
    expect(line.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d+ UTC$/);
    const drawing = line.drawing as number[][][];
    expect(drawing).toHaveLength(2);
    // Bounding box scaled to 0–255, no time row in the simplified format.
    expect(drawing[0]).toHaveLength(2);
    expect(drawing[0][0]).toEqual([0, 255, 255, 0, 0]);
    for (const [xs, ys] of drawing)
      for (const v of [...xs, ...ys]) expect(Number.isInteger(v) && v >= 0 && v <= 255).toBe(true);
  });
});

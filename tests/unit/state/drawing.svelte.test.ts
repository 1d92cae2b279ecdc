import { describe, expect, test, vi } from 'vitest';
import { DrawingState } from '../../../src/renderer/src/state/drawing.svelte';

describe('DrawingState', () => {
  test('strokes are committed on end, erased, undone and redone; every change is reported', () => {
    const changes = vi.fn();
    const grew = vi.fn();
    const drawing = new DrawingState({ changed: changes, grew });
    drawing.begin(1, 2, 0);
    drawing.extend(3, 4, 10);
    expect([grew.mock.calls.length, changes.mock.calls.length]).toEqual([2, 0]);
    expect(drawing.snapshot()).toEqual([]);
    expect(drawing.snapshot(true)).toEqual([{ x: [1, 3], y: [2, 4], t: [0, 10] }]);
    drawing.end();
    drawing.begin(5, 5, 20);
    drawing.end();
    expect(drawing.strokes).toHaveLength(2);
    drawing.touch([0]);
    drawing.finishErasing();
    expect(drawing.snapshot()).toEqual([{ x: [5], y: [5], t: [20] }]);
    drawing.undo();
    expect(drawing.strokes).toHaveLength(2);
    expect(drawing.canRedo).toBe(true);
    drawing.redo();
    expect(drawing.strokes).toHaveLength(1);
    drawing.clear();
    expect(drawing.isEmpty).toBe(true);
    expect(changes).toHaveBeenCalledTimes(6);
  });

  test('replace copies the strokes it is given', () => {
    const drawing = new DrawingState();
    const given = [{ x: [1], y: [2] }];
    drawing.replace(given);
    given[0].x.push(9);
    expect(drawing.snapshot()[0].x).toEqual([1]);
  });

  test('a snapshot is the drawing at that moment: the stroke in progress grows without it', () => {
    const drawing = new DrawingState();
    drawing.begin(1, 1, 0);
    const mid = drawing.snapshot(true);
    drawing.extend(2, 2, 5);
    expect(drawing.currentPoints).toBe(2);
    expect(mid).toEqual([{ x: [1], y: [1], t: [0] }]);
    drawing.end();
    const after = drawing.snapshot();
    drawing.begin(3, 3, 9);
    drawing.end();
    expect(after).toHaveLength(1);
    drawing.undo();
    expect(drawing.snapshot()).toEqual(after);
  });
});

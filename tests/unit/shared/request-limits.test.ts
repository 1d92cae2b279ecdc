import { describe, expect, test } from 'vitest';
import { channels } from '../../../src/shared/contract/index';
import { DRAWING_LIMITS, drawingSchema } from '../../../src/shared/contract/drawing';
import { s, SchemaError } from '../../../src/shared/contract/schema';

function stroke(points: number) {
  return { x: Array.from({ length: points }, (_, i) => i % 256), y: Array.from({ length: points }, (_, i) => i % 256) };
}

function refusal(run: () => unknown): SchemaError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return error as SchemaError;
  }
  throw new Error('expected a SchemaError');
}

describe('request limits bound work, not only bytes', () => {
  test('a drawing at the limits is accepted', () => {
    const perStroke = DRAWING_LIMITS.points / 4;
    expect(
      drawingSchema.parse([stroke(perStroke), stroke(perStroke), stroke(perStroke), stroke(perStroke)]),
    ).toHaveLength(4);
  });

  test('more points in all than the limit is refused, though every stroke is within its own', () => {
    const strokes = Array.from({ length: 3 }, () => stroke(DRAWING_LIMITS.pointsPerStroke));
    const error = refusal(() => drawingSchema.parse(strokes, '.strokes'));
    expect(error.message).toBe(`invalid request at .strokes: expected at most ${DRAWING_LIMITS.points} points in all`);
  });

  test('the total is checked before any point is walked', () => {
    // A point that is not a number would be reported at its own path if the points were walked.
    const bad = { x: [...stroke(DRAWING_LIMITS.points).x, 'x'], y: stroke(DRAWING_LIMITS.points + 1).y };
    expect(refusal(() => drawingSchema.parse([bad])).path).toBe('');
  });

  test('too many strokes, or a stroke too long, is refused', () => {
    expect(
      refusal(() => drawingSchema.parse(Array.from({ length: DRAWING_LIMITS.strokes + 1 }, () => stroke(1)))).path,
    ).toBe('');
    expect(refusal(() => drawingSchema.parse([stroke(DRAWING_LIMITS.pointsPerStroke + 1)])).path).toBe('[0].x');
  });

  test('the 56 MB reconstruct of 700 strokes × 20,000 points is refused by the router schema', () => {
    const big = { x: new Array<number>(20_000).fill(1), y: new Array<number>(20_000).fill(1) };
    const payload = { modelId: 'user:x', strokes: new Array(700).fill(big) };
    expect(refusal(() => channels['latent:reconstruct'].request.parse(payload)).path).toBe('.strokes');
  });

  test('concept sets have a budget for all their drawings', () => {
    const drawing = [stroke(5_000)];
    const payload = {
      modelId: 'user:x',
      name: 'n',
      a: { kind: 'drawings', drawings: new Array(11).fill(drawing) },
      b: { kind: 'label', label: 1 },
    };
    expect(() => channels['concepts:define'].request.parse(payload)).toThrow(SchemaError);
  });
});

describe('unknown keys are refused even when an object has them by inheritance', () => {
  const shape = s.object({ name: s.string(10) });
  for (const key of ['__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty']) {
    test(key, () => {
      // JSON.parse makes __proto__ an own key, as a hostile frame would.
      const value = JSON.parse(`{"name":"x","${key}":{"polluted":true}}`) as unknown;
      expect(refusal(() => shape.parse(value)).path).toBe(`.${key}`);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }
});

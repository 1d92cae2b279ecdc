import { describe, expect, test } from 'vitest';
import { s, SchemaError, type Infer } from '../../../src/shared/contract/schema';

describe('schema', () => {
  const request = s.object({
    name: s.string(10),
    count: s.integer(0, 5),
    ratio: s.optional(s.number({ min: 0, max: 1 })),
    mode: s.enum(['a', 'b'] as const),
    z: s.float32Array(4),
    tags: s.array(s.string(3), 2),
  });
  type Request = Infer<typeof request>;

  test('accepts a valid value and drops absent optionals', () => {
    const value: Request = request.parse({ name: 'x', count: 2, mode: 'a', z: new Float32Array(2), tags: ['ab'] });
    expect(value).toEqual({ name: 'x', count: 2, mode: 'a', z: new Float32Array(2), tags: ['ab'] });
    expect('ratio' in value).toBe(false);
  });

  test.each([
    [{ name: 'x'.repeat(11), count: 1, mode: 'a', z: new Float32Array(1), tags: [] }, '.name'],
    [{ name: 'x', count: 1.5, mode: 'a', z: new Float32Array(1), tags: [] }, '.count'],
    [{ name: 'x', count: 9, mode: 'a', z: new Float32Array(1), tags: [] }, '.count'],
    [{ name: 'x', count: 1, mode: 'c', z: new Float32Array(1), tags: [] }, '.mode'],
    [{ name: 'x', count: 1, mode: 'a', z: new Float32Array(5), tags: [] }, '.z'],
    [{ name: 'x', count: 1, mode: 'a', z: new Float32Array([NaN]), tags: [] }, '.z[0]'],
    [{ name: 'x', count: 1, mode: 'a', z: [0], tags: [] }, '.z'],
    [{ name: 'x', count: 1, mode: 'a', z: new Float32Array(1), tags: ['a', 'b', 'c'] }, '.tags'],
    [{ name: 'x', count: 1, mode: 'a', z: new Float32Array(1), tags: [], extra: 1 }, '.extra'],
    [{ name: 'x', count: 1, mode: 'a', z: new Float32Array(1), tags: [], ratio: Infinity }, '.ratio'],
    [null, '(root)'],
    [[1], '(root)'],
  ])('rejects %j at %s', (value, path) => {
    expect(() => request.parse(value)).toThrow(SchemaError);
    expect(() => request.parse(value)).toThrow(`invalid request at ${path}`);
  });

  test('union takes the first matching option', () => {
    const u = s.union(s.literal('auto'), s.integer(1, 3));
    expect(u.parse('auto')).toBe('auto');
    expect(u.parse(2)).toBe(2);
    expect(() => u.parse(4)).toThrow(SchemaError);
  });
});

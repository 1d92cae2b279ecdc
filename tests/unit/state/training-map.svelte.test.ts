import { describe, expect, test } from 'vitest';
import type { TrainingLatentMap } from '../../../src/shared/contract/training';
import { TrainingMapFrames } from '../../../src/renderer/src/state/training-map.svelte';

const map = (v: number): TrainingLatentMap => ({
  axes: 'dims',
  x: new Float32Array([v]),
  y: new Float32Array([v]),
  labels: new Int32Array([0]),
  classNames: [],
});

describe('TrainingMapFrames', () => {
  test('follows the newest epoch until one is picked; a resumed epoch replaces the later ones', () => {
    const frames = new TrainingMapFrames();
    frames.clear('run-1');
    frames.add(1, map(1));
    frames.add(2, map(2));
    expect([frames.following, frames.current?.epoch]).toEqual([true, 2]);
    frames.show(0);
    expect([frames.following, frames.current?.epoch]).toEqual([false, 1]);
    frames.show(5);
    expect(frames.following).toBe(true);
    frames.add(2, map(3));
    expect(frames.frames.map((f) => f.epoch)).toEqual([1, 2]);
    expect(frames.run).toBe('run-1');
    frames.clear();
    expect(frames.current).toBeUndefined();
  });
});

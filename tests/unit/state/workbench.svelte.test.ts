import { describe, expect, test } from 'vitest';
import { clampSide, DEFAULT_SIDE } from '../../../src/renderer/src/lib/workbench-geometry';
import { WorkbenchState } from '../../../src/renderer/src/state/workbench.svelte';

describe('WorkbenchState', () => {
  test('the drawing side is clamped to the window and reset to the default', () => {
    const bench = new WorkbenchState();
    bench.windowWidth = 1024;
    bench.resize(5000);
    expect(bench.sideWidth).toBe(clampSide(5000, 1024));
    bench.resetSplit();
    expect(bench.sideWidth).toBe(clampSide(DEFAULT_SIDE, 1024));
    bench.measureRoom(600, 400);
    const room = bench.room;
    bench.measureRoom(600, 400);
    expect(bench.room).toBe(room);
  });
});

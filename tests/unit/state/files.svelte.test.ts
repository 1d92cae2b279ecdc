import { beforeEach, describe, expect, test, vi } from 'vitest';
import { fakeStudioApi, stubAnimationFrame } from '../../helpers/studio-api';
import { fake } from '../../helpers/mocked-studio';
import { savedDrawingInfo } from '../../helpers/studio-answers';

vi.mock('../../../src/renderer/src/lib/studio', () => import('../../helpers/mocked-studio'));
stubAnimationFrame();
const { DrawingState } = await import('../../../src/renderer/src/state/drawing.svelte');
const { FilesState, FILES_ERRORS } = await import('../../../src/renderer/src/state/files.svelte');

describe('FilesState', () => {
  beforeEach(() => (fake.current = fakeStudioApi()));

  test('refuses an empty drawing, saves one and reopens it onto the canvas', async () => {
    const drawing = new DrawingState();
    const files = new FilesState({ drawing });
    await files.save();
    expect(files.error).toBe(FILES_ERRORS.empty);
    drawing.replace([{ x: [1, 2], y: [3, 4] }]);
    fake.current.call('drawings:save').mockResolvedValue(savedDrawingInfo('drawing-1'));
    fake.current.call('drawings:list').mockResolvedValue([savedDrawingInfo('drawing-1')]);
    await files.save();
    expect(fake.current.call('drawings:save')).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'drawing-1', drawing: [{ x: [1, 2], y: [3, 4] }] }),
    );
    drawing.clear();
    fake.current
      .call('drawings:open')
      .mockResolvedValue({ ...savedDrawingInfo('drawing-1'), drawing: [{ x: [5], y: [6] }] });
    await files.open('drawing-1');
    expect(drawing.snapshot()).toEqual([{ x: [5], y: [6] }]);
  });

  test('saves under the name and word typed, trimmed; a bad name is refused', async () => {
    const drawing = new DrawingState();
    const files = new FilesState({ drawing });
    drawing.replace([{ x: [1], y: [2] }]);
    files.name = 'bad/name';
    await files.save();
    expect(files.error).toBe(FILES_ERRORS.badName);
    files.name = '  cat 3 ';
    files.word = ' cat ';
    fake.current.call('drawings:save').mockResolvedValue(savedDrawingInfo('cat 3', 1, 'cat'));
    fake.current.call('drawings:list').mockResolvedValue([]);
    await files.save();
    expect(fake.current.call('drawings:save')).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'cat 3', word: 'cat' }),
    );
    expect([files.name, files.word, files.error]).toEqual(['  cat 3 ', ' cat ', undefined]);
  });
});

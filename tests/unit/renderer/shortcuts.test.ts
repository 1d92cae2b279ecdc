import { describe, expect, test } from 'vitest';
import { drawingCommandFor, isEditableTarget } from '../../../src/renderer/src/lib/shortcuts';

const key = (
  k: string,
  mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {},
) => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('drawing shortcuts', () => {
  test('Ctrl/Cmd+Z undoes, with Shift redoes, Ctrl+Y redoes, Delete clears', () => {
    expect(drawingCommandFor(key('z', { ctrlKey: true }))).toBe('undo');
    expect(drawingCommandFor(key('z', { metaKey: true }))).toBe('undo');
    expect(drawingCommandFor(key('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(drawingCommandFor(key('Z', { metaKey: true, shiftKey: true }))).toBe('redo');
    expect(drawingCommandFor(key('y', { ctrlKey: true }))).toBe('redo');
    expect(drawingCommandFor(key('Delete'))).toBe('clear');
  });

  test('other keys do nothing', () => {
    expect(drawingCommandFor(key('z'))).toBeUndefined();
    expect(drawingCommandFor(key('Delete', { ctrlKey: true }))).toBeUndefined();
    expect(drawingCommandFor(key('z', { ctrlKey: true, altKey: true }))).toBeUndefined();
    expect(drawingCommandFor(key('ArrowLeft'))).toBeUndefined();
  });

  test('fields keep their keys; buttons and the canvas do not', () => {
    expect(isEditableTarget({ tagName: 'INPUT', type: 'text' } as unknown as EventTarget)).toBe(true);
    expect(isEditableTarget({ tagName: 'INPUT', type: 'range' } as unknown as EventTarget)).toBe(true);
    expect(isEditableTarget({ tagName: 'TEXTAREA' } as unknown as EventTarget)).toBe(true);
    expect(isEditableTarget({ tagName: 'BUTTON' } as unknown as EventTarget)).toBe(false);
    expect(isEditableTarget({ tagName: 'DIV', isContentEditable: false } as unknown as EventTarget)).toBe(false);
    expect(isEditableTarget(null)).toBe(false);
  });
});

export type DrawingCommand = 'undo' | 'redo' | 'clear';

export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/** Ctrl/Cmd+Z undo, Shift+Ctrl/Cmd+Z or Ctrl+Y redo, Delete clears. */
export function drawingCommandFor(event: KeyLike): DrawingCommand | undefined {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (event.altKey) return undefined;
  if (mod && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (mod && key === 'y' && !event.shiftKey) return 'redo';
  if (!mod && !event.shiftKey && event.key === 'Delete') return 'clear';
  return undefined;
}

/** Typing in a field keeps its own keys (a slider's arrows, text editing, Delete in a name). */
export function isEditableTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const element = target as unknown as { tagName: string; isContentEditable?: boolean; type?: string };
  const tag = element.tagName.toLowerCase();
  if (element.isContentEditable) return true;
  if (tag === 'textarea' || tag === 'select') return true;
  return tag === 'input' && element.type !== 'button' && element.type !== 'checkbox' && element.type !== 'radio';
}

import { channel } from './define';
import { drawingSchema } from './drawing';
import { s } from './schema';
import type { Stroke } from '../types/drawing';

/** File names of saved drawings: no separators, no dot-only names. */
export const DRAWING_NAME_PATTERN = /^(?!\.{1,2}$)[A-Za-z0-9 ._-]{1,80}$/;
const word = s.string(80, /^[^\n\r]*$/);

export interface SavedDrawingInfo {
  name: string;
  savedAt: string;
  strokes: number;
  word: string;
}

export interface SavedDrawing extends SavedDrawingInfo {
  drawing: Stroke[];
}

export const drawingsChannels = {
  'drawings:list': channel('engine', s.object({}), s.trusted<SavedDrawingInfo[]>()),
  'drawings:save': channel(
    'engine',
    s.object({ name: s.string(80, DRAWING_NAME_PATTERN), drawing: drawingSchema, word: s.optional(word) }),
    s.trusted<SavedDrawingInfo>(),
  ),
  'drawings:open': channel('engine', s.object({ name: s.string(80, DRAWING_NAME_PATTERN) }), s.trusted<SavedDrawing>()),
  'drawings:delete': channel(
    'engine',
    s.object({ name: s.string(80, DRAWING_NAME_PATTERN) }),
    s.trusted<{ deleted: string }>(),
  ),
  /** One Quick, Draw! simplified NDJSON line: strokes normalised as Quick, Draw! did. */
  'drawings:export-ndjson': channel(
    'engine',
    s.object({ drawing: drawingSchema, word: s.optional(word) }),
    s.trusted<{ text: string }>(),
  ),
} as const;

export const drawingsEvents = {} as const;

/**
 * Sizes of the workbench: how wide the drawing side may be, and how large a picture can be drawn
 * in the room it has. Plain functions: the state class and the components only call them.
 */

/** The drawing side holds the 360-px canvas, its padding and border. */
export const MIN_SIDE = 396;
/** The main area never gets narrower than this (a 480-px grid plus its padding). */
export const MIN_MAIN = 520;
/** What a first launch shows: the canvas with "what it sees" and the reconstruction beside it. */
export const DEFAULT_SIDE = 580;
/** The splitter between the two sides, and the gaps around it. */
export const SPLIT_CHROME = 28;

/** The drawing side's width for a wish (dragged or remembered) in a window `windowWidth` wide. */
export function clampSide(requested: number, windowWidth: number): number {
  const max = Math.max(MIN_SIDE, windowWidth - MIN_MAIN - SPLIT_CHROME);
  const wish = Number.isNaN(requested) ? DEFAULT_SIDE : requested;
  return Math.round(Math.min(max, Math.max(MIN_SIDE, wish)));
}

/**
 * The largest whole multiple of `native` pixels that fits in `room` (so every image pixel is the
 * same number of screen pixels); below one multiple, the room itself.
 */
export function crispSize(room: number, native: number): number {
  const space = Math.max(0, Math.floor(room));
  if (native <= 0 || space < native) return space;
  return Math.floor(space / native) * native;
}

/** A square picture's side in a width × height room, `reserved` px of the height kept for controls. */
export function fitSquare(width: number, height: number, reserved: number, min: number, max: number): number {
  const side = Math.min(width, height - reserved, max);
  return Math.floor(Math.max(min, side));
}

/** The drawing canvas's side in CSS pixels (strokes are kept in these coordinates). */
export const CANVAS_SIZE = 360;
const GAP = 12;
/** Two pictures and their captions stacked beside the canvas stay within its height and its tools. */
const BESIDE_MAX = 180;
const UNDER_MAX = 224;

/** Under the canvas the pictures shrink to stay on screen, but not below 3 screen pixels per pixel. */
const UNDER_MIN_SCALE = 3;

/**
 * Where "what it sees" and the reconstruction go in a drawing side `content` px wide: beside the
 * canvas when a column of at least 4 screen pixels per model pixel fits there, else under it,
 * as large as `underRoom` (the height left below the canvas) allows; both pictures the same size,
 * a whole multiple of the model's image size.
 */
export function drawingSideLayout(
  content: number,
  native: number,
  underRoom = Number.POSITIVE_INFINITY,
): { beside: boolean; image: number } {
  const column = content - CANVAS_SIZE - GAP;
  if (column >= Math.max(4 * native, 112))
    return { beside: true, image: crispSize(Math.min(column, BESIDE_MAX), native) };
  const fit = Math.max(UNDER_MIN_SCALE * native, Math.min((content - GAP) / 2, UNDER_MAX, underRoom));
  return { beside: false, image: crispSize(fit, native) };
}

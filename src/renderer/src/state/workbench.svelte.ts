import { clampSide, DEFAULT_SIDE } from '../lib/workbench-geometry';

const SIDE_KEY = 'latentdraw:drawing-side-width';

/**
 * The workbench's split: how wide the drawing side is (dragged by the person, remembered between
 * launches) and the room the main area has left, which the views size their pictures to.
 */
export class WorkbenchState {
  #wish = $state(readStoredSide());
  /** The window's inner width, which bounds the drawing side. */
  windowWidth = $state(typeof window === 'undefined' ? 1280 : window.innerWidth);
  /** The main area's inner size (0 × 0 until it was measured); written by `measureRoom`. */
  room = $state({ width: 0, height: 0 });

  /** The drawing side's width in CSS pixels, within what the window allows. */
  readonly sideWidth = $derived(clampSide(this.#wish, this.windowWidth));

  /** A new object only when the size changed, so the views do not lay out again for nothing. */
  measureRoom(width: number, height: number): void {
    if (width !== this.room.width || height !== this.room.height) this.room = { width, height };
  }

  /** The splitter was dragged or moved with the keyboard. */
  resize(width: number): void {
    this.#wish = clampSide(width, this.windowWidth);
    try {
      localStorage.setItem(SIDE_KEY, String(this.#wish));
    } catch {
      // Storage can be unavailable (private windows); the split then lasts this session.
    }
  }

  resetSplit(): void {
    this.resize(DEFAULT_SIDE);
  }
}

function readStoredSide(): number {
  try {
    const stored = Number(localStorage.getItem(SIDE_KEY));
    return stored > 0 ? stored : DEFAULT_SIDE;
  } catch {
    return DEFAULT_SIDE;
  }
}

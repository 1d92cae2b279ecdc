import type { Stroke } from '../../../shared/types/drawing';

export type DrawingTool = 'pen' | 'eraser';

function copyStroke(s: Stroke): Stroke {
  return { x: [...s.x], y: [...s.y], ...(s.t ? { t: [...s.t] } : {}) };
}

/**
 * Who hears about the drawing, synchronously: inside the pointer handler, so a reconstruction
 * request leaves before Svelte's effects and Konva's repaint run.
 */
export interface DrawingListener {
  /** The committed strokes changed (a stroke ended, undo, redo, erase, clear, replace). */
  changed?(strokes: Stroke[], changedAt: number): void;
  /** The stroke being drawn began or grew by a point. */
  grew?(): void;
}

/**
 * The drawing on the canvas as plain strokes, with undo and redo. `strokes`, `current`,
 * `currentPoints`, `erasing`, `canUndo` and `canRedo` are written by the methods only, which keep
 * the undo history beside them; `tool` is the person's to set.
 *
 * Committed strokes and the arrays that hold them are never changed in place (every change makes
 * a new array), so they are kept raw, shared with the undo history and sent as they are. Deep
 * state would wrap every coordinate in a proxy, and `$state.snapshot` copies every number one by
 * one (through structuredClone): ≈3 ms per pointer-up with a few dozen strokes.
 */
export class DrawingState {
  strokes = $state.raw<readonly Stroke[]>([]);
  /** The stroke being drawn, not yet committed (kept apart so undo never splits it). */
  current = $state.raw<Stroke | undefined>();
  /** Points in the stroke being drawn: it grows in place, so views follow this count. */
  currentPoints = $state(0);
  tool = $state<DrawingTool>('pen');
  /** Strokes the eraser has touched in the gesture under way (shown faded, removed on release). */
  erasing = $state.raw<readonly number[]>([]);
  canUndo = $state(false);
  canRedo = $state(false);
  private undone: (readonly Stroke[])[] = [];
  private history: (readonly Stroke[])[] = [];

  readonly isEmpty = $derived(this.strokes.length === 0 && !this.current);

  constructor(private readonly listener: DrawingListener = {}) {}

  /** Committed strokes plus the one being drawn, for the engine; never changed afterwards. */
  snapshot(includeCurrent = false): Stroke[] {
    const all = [...this.strokes];
    if (includeCurrent && this.current) all.push(copyStroke(this.current));
    return all;
  }

  begin(x: number, y: number, t: number): void {
    this.current = { x: [x], y: [y], t: [t] };
    this.currentPoints = 1;
    this.listener.grew?.();
  }

  extend(x: number, y: number, t: number): void {
    const current = this.current;
    if (!current) return;
    current.x.push(x);
    current.y.push(y);
    current.t?.push(t);
    this.currentPoints = current.x.length;
    this.listener.grew?.();
  }

  /** Commits the stroke in progress; returns it, or undefined if there was none. */
  end(): Stroke | undefined {
    const stroke = this.current;
    this.current = undefined;
    this.currentPoints = 0;
    if (!stroke) return undefined;
    // From here on the stroke is committed: nothing changes it again.
    this.commit([...this.strokes, stroke]);
    return stroke;
  }

  /** Drops the stroke in progress (pointer cancelled by the system). */
  cancelStroke(): void {
    this.current = undefined;
    this.currentPoints = 0;
  }

  /** Marks strokes touched by the eraser during a gesture. */
  touch(indexes: number[]): void {
    const fresh = indexes.filter((i) => !this.erasing.includes(i));
    if (fresh.length) this.erasing = [...this.erasing, ...fresh];
  }

  /** Ends an eraser gesture: everything it touched goes, as one undo step. */
  finishErasing(): void {
    const indexes = this.erasing;
    this.erasing = [];
    this.erase(indexes);
  }

  /** Removes strokes (the eraser): each index refers to `strokes`. */
  erase(indexes: readonly number[]): void {
    if (!indexes.length) return;
    this.commit(this.strokes.filter((_, i) => !indexes.includes(i)));
  }

  clear(): void {
    if (this.strokes.length) this.commit([]);
  }

  /** A drawing from elsewhere (a file, a dataset): copied, so later changes there do not reach it. */
  replace(strokes: readonly Stroke[]): void {
    this.commit(strokes.map(copyStroke));
  }

  undo(): void {
    const previous = this.history.pop();
    if (!previous) return;
    this.undone.push(this.strokes);
    this.strokes = previous;
    this.sync();
  }

  redo(): void {
    const next = this.undone.pop();
    if (!next) return;
    this.history.push(this.strokes);
    this.strokes = next;
    this.sync();
  }

  private commit(next: readonly Stroke[]): void {
    this.history.push(this.strokes);
    this.undone = [];
    this.strokes = next;
    this.sync();
  }

  private sync(): void {
    this.canUndo = this.history.length > 0;
    this.canRedo = this.undone.length > 0;
    this.listener.changed?.(this.snapshot(), performance.now());
  }
}

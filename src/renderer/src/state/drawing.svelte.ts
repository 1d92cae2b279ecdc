import type { Stroke } from '../../../shared/types/drawing';

export type DrawingTool = 'pen' | 'eraser';

function copyStroke(s: Stroke): Stroke {
  return { x: [...s.x], y: [...s.y], ...(s.t ? { t: [...s.t] } : {}) };
}

/** The drawing on the canvas as plain strokes, with undo and redo. */
export class DrawingState {
  strokes = $state<Stroke[]>([]);
  /** The stroke being drawn, not yet committed (kept apart so undo never splits it). */
  current = $state<Stroke | undefined>();
  tool = $state<DrawingTool>('pen');
  /** Strokes the eraser has touched in the gesture under way (shown faded, removed on release). */
  erasing = $state<number[]>([]);
  /** performance.now() of the last change to `strokes` (the bench measures from it). */
  changedAt = 0;
  /**
   * Called synchronously on every change (inside the pointer-up handler for a new stroke), so
   * the reconstruction request leaves before Svelte's effects and Konva's repaint run.
   */
  onChange: ((strokes: Stroke[], changedAt: number) => void) | undefined;
  private undone: Stroke[][] = [];
  private history: Stroke[][] = [];
  canRedo = $state(false);
  canUndo = $state(false);

  get isEmpty(): boolean {
    return this.strokes.length === 0 && !this.current;
  }

  /** Committed strokes plus the one being drawn, as plain data for the engine. */
  snapshot(includeCurrent = false): Stroke[] {
    const all = $state.snapshot(this.strokes) as Stroke[];
    if (includeCurrent && this.current) all.push($state.snapshot(this.current) as Stroke);
    return all;
  }

  useTool(tool: DrawingTool): void {
    this.tool = tool;
  }

  begin(x: number, y: number, t: number): void {
    this.current = { x: [x], y: [y], t: [t] };
  }

  extend(x: number, y: number, t: number): void {
    if (!this.current) return;
    this.current.x.push(x);
    this.current.y.push(y);
    this.current.t?.push(t);
  }

  /** Commits the stroke in progress; returns it, or undefined if there was none. */
  end(): Stroke | undefined {
    const stroke = this.current;
    this.current = undefined;
    if (!stroke) return undefined;
    this.commit([...this.strokes, $state.snapshot(stroke) as Stroke]);
    return stroke;
  }

  /** Drops the stroke in progress (pointer cancelled by the system). */
  cancelStroke(): void {
    this.current = undefined;
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
  erase(indexes: number[]): void {
    if (!indexes.length) return;
    this.commit(this.strokes.filter((_, i) => !indexes.includes(i)));
  }

  clear(): void {
    if (this.strokes.length) this.commit([]);
  }

  replace(strokes: Stroke[]): void {
    this.commit(strokes.map(copyStroke));
  }

  undo(): void {
    const previous = this.history.pop();
    if (!previous) return;
    this.undone.push($state.snapshot(this.strokes) as Stroke[]);
    this.strokes = previous;
    this.sync();
  }

  redo(): void {
    const next = this.undone.pop();
    if (!next) return;
    this.history.push($state.snapshot(this.strokes) as Stroke[]);
    this.strokes = next;
    this.sync();
  }

  private commit(next: Stroke[]): void {
    this.history.push($state.snapshot(this.strokes) as Stroke[]);
    this.undone = [];
    this.strokes = next;
    this.sync();
  }

  private sync(): void {
    this.changedAt = performance.now();
    this.canUndo = this.history.length > 0;
    this.canRedo = this.undone.length > 0;
    this.onChange?.($state.snapshot(this.strokes) as Stroke[], this.changedAt);
  }
}

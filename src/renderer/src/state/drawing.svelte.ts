import type { Stroke } from '../../../shared/types/drawing';

/** The drawing on the canvas as plain strokes, with undo and redo. */
export class DrawingState {
  strokes = $state<Stroke[]>([]);
  /** The stroke being drawn, not yet committed (kept apart so undo never splits it). */
  current = $state<Stroke | undefined>();
  private undone: Stroke[][] = [];
  private history: Stroke[][] = [];
  canRedo = $state(false);
  canUndo = $state(false);

  get isEmpty(): boolean {
    return this.strokes.length === 0 && !this.current;
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

  /** Removes strokes (the eraser): each index refers to `strokes`. */
  erase(indexes: number[]): void {
    if (!indexes.length) return;
    // A plain Set: it lives only inside this call, nothing reacts to it.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const drop = new Set(indexes);
    this.commit(this.strokes.filter((_, i) => !drop.has(i)));
  }

  clear(): void {
    if (this.strokes.length) this.commit([]);
  }

  replace(strokes: Stroke[]): void {
    this.commit(strokes.map((s) => ({ x: [...s.x], y: [...s.y], ...(s.t ? { t: [...s.t] } : {}) })));
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
    this.canUndo = this.history.length > 0;
    this.canRedo = this.undone.length > 0;
  }
}

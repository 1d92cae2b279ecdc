import type { Request } from '../../../shared/contract/index';
import type { Stroke } from '../../../shared/types/drawing';
import type { Reconstruction } from '../../../shared/types/latent';
import { messageOf } from '../lib/errors';
import { sameStrokes } from '../lib/geometry';
import { LatestOnly, throttled } from '../lib/latest-only';
import { measureSince, PERF } from '../lib/perf';
import { studio } from '../lib/studio';

/**
 * The request; performance.now() of the pointer-up it answers (for the bench); and whether it
 * was asked while a stroke was still being drawn.
 */
type ReconstructRequest = Request<'latent:reconstruct'> & { strokeEndAt?: number; live?: boolean };

/** While a stroke is drawn the engine is asked at most this often. */
const LIVE_INTERVAL_MS = 60;
/**
 * The pictures are dimmed only when an answer is this late: a dim that comes and goes with every
 * 20-ms answer is a flicker, and animating it repainted the page on every frame of a stroke.
 */
export const SLOW_AFTER_MS = 250;

/**
 * The live reconstruction of the drawing: what the model saw, its code, and what came back. Every
 * field but `label` is written by the requests' answers (and `showPicked`, `reset`).
 */
export class ReconstructionState {
  result = $state.raw<Reconstruction | undefined>();
  /** The drawing the result belongs to is empty (the panel then explains what to do). */
  empty = $state(true);
  error = $state<string | undefined>();
  /** An answer has been awaited longer than SLOW_AFTER_MS: what is shown is out of date. */
  slow = $state(false);
  /**
   * The class a conditional model draws; the next request carries it (`Studio.drawClass` sets it
   * and asks again).
   */
  label = $state(0);
  /** Bumped each time a new result is painted, mid-stroke answers included. */
  version = $state(0);
  /**
   * The answer for the drawing as it stands between strokes (mid-stroke answers only feed the
   * pictures). The code, the sliders, the map marker and the other panels follow this one: they
   * would otherwise relayout on every live answer and take the CPU the final answer needs.
   */
  settled = $state.raw<Reconstruction | undefined>();
  #settledEmpty = $state(true);
  /** Bumped with each settled answer. */
  settledVersion = $state(0);
  /** How long the last reconstruction took, request to answer, in ms (the status bar shows it). */
  lastMs = $state<number | undefined>();
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private painted: ((result: Reconstruction) => void) | undefined;

  /** The settled drawing's code; undefined while there is none or the drawing is empty. */
  readonly settledCode = $derived(this.#settledEmpty ? undefined : this.settled?.z);

  private readonly runner = new LatestOnly<ReconstructRequest, Reconstruction>(
    async (req) => {
      this.slowTimer ??= setTimeout(() => {
        this.slowTimer = undefined;
        this.slow = this.runner.awaiting;
      }, SLOW_AFTER_MS);
      const sent = performance.now();
      if (req.strokeEndAt !== undefined) measureSince(PERF.strokeToRequest, req.strokeEndAt);
      const result = await studio.latent.reconstruct({ modelId: req.modelId, strokes: req.strokes, label: req.label });
      measureSince(PERF.reconstructRoundTrip, sent);
      this.lastMs = performance.now() - sent;
      return result;
    },
    (result, req) => {
      this.result = result;
      this.empty = req.strokes.length === 0;
      this.error = undefined;
      this.version++;
      if (!req.live) this.settle(result, req.strokes.length === 0);
      this.calmUnlessAwaiting();
      this.painted?.(result);
      if (req.strokeEndAt !== undefined) measureSince(PERF.strokeToReconstruction, req.strokeEndAt);
      if (!req.live) this.onSettled();
    },
    (error) => {
      this.error = messageOf(error);
      this.calmUnlessAwaiting();
    },
  );

  // The strokes are read when the throttle fires, not on every pointer move (they are copied).
  private readonly live = throttled(
    (req: { modelId: string; strokes: () => Stroke[]; label: number }) =>
      this.runner.submit({ modelId: req.modelId, strokes: req.strokes(), label: req.label, live: true }),
    LIVE_INTERVAL_MS,
  );

  /**
   * `onSettled`: called with each settled answer once the pictures are painted (what follows the
   * drawing must not hold up the paint the bench measures).
   */
  constructor(private readonly onSettled: () => void = () => {}) {}

  /** A request is out (answers to dropped requests count until they arrive). */
  get busy(): boolean {
    return this.runner.busy;
  }

  /** The panel paints synchronously on delivery, so the bench's measure includes the paint. */
  onPainted(paint: (result: Reconstruction) => void): () => void {
    this.painted = paint;
    return () => (this.painted = undefined);
  }

  /** After a stroke (or undo, clear, a new model): ask now. */
  request(modelId: string, strokes: Stroke[], strokeEndAt?: number): void {
    this.live.cancel();
    const label = this.label;
    // The pen often rests before it lifts: the live request in flight may already be this drawing.
    const adopted = this.runner.adoptInFlight(
      (r) => r.modelId === modelId && r.label === label && sameStrokes(r.strokes, strokes),
    );
    if (adopted) {
      adopted.strokeEndAt = strokeEndAt;
      adopted.live = false;
      return;
    }
    // Urgent: the live request still in flight answers for a drawing that no longer exists.
    this.runner.submit({ modelId, strokes, label, strokeEndAt }, true);
  }

  /** While a stroke is drawn: ask, throttled. */
  requestLive(modelId: string, strokes: () => Stroke[]): void {
    this.live({ modelId, strokes, label: this.label });
  }

  /**
   * Shows a result that did not come from the canvas (a code picked on a grid or plot, or a
   * dataset image without strokes) as the current one, until the next stroke replaces it.
   */
  showPicked(result: Reconstruction): void {
    this.live.cancel();
    this.runner.cancel();
    this.calmUnlessAwaiting();
    this.result = result;
    this.empty = false;
    this.error = undefined;
    this.version++;
    this.settle(result, false);
    this.painted?.(result);
    this.onSettled();
  }

  reset(): void {
    this.live.cancel();
    this.runner.cancel();
    this.calmUnlessAwaiting();
    this.result = undefined;
    this.settled = undefined;
    this.#settledEmpty = true;
    this.error = undefined;
    this.empty = true;
  }

  private settle(result: Reconstruction, empty: boolean): void {
    this.settled = result;
    this.#settledEmpty = empty;
    this.settledVersion++;
  }

  /** No answer still to be shown is out: the dim and its timer go (dropped answers are not awaited). */
  private calmUnlessAwaiting(): void {
    if (this.runner.awaiting) return;
    clearTimeout(this.slowTimer);
    this.slowTimer = undefined;
    this.slow = false;
  }
}

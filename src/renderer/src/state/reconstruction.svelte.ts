import type { Request } from '../../../shared/contract/index';
import type { Stroke } from '../../../shared/types/drawing';
import type { Reconstruction } from '../../../shared/types/latent';
import { messageOf } from '../lib/errors';
import { LatestOnly, throttled } from '../lib/latest-only';
import { measureSince, PERF } from '../lib/perf';
import { studio } from '../lib/studio';

/** The request, and performance.now() of the pointer-up it answers (for the bench). */
type ReconstructRequest = Request<'latent:reconstruct'> & { strokeEndAt?: number };

/** While a stroke is drawn the engine is asked at most this often. */
const LIVE_INTERVAL_MS = 60;

/** The live reconstruction of the drawing: what the model saw, its code, and what came back. */
export class ReconstructionState {
  result = $state.raw<Reconstruction | undefined>();
  /** The drawing the result belongs to is empty (the panel then explains what to do). */
  empty = $state(true);
  error = $state<string | undefined>();
  busy = $state(false);
  /** The class a conditional model draws. */
  label = $state(0);
  /** Bumped each time a new result is painted: other panels (sliders, concepts) follow it. */
  version = $state(0);
  /** How long the last reconstruction took, request to answer, in ms (the status bar shows it). */
  lastMs = $state<number | undefined>();
  private painted: ((result: Reconstruction) => void) | undefined;
  /** The drawing change last asked about: the same change may arrive twice (hook and effect). */
  private lastAsked: { modelId: string; changedAt: number } | undefined;

  private readonly runner = new LatestOnly<ReconstructRequest, Reconstruction>(
    async (req) => {
      this.busy = true;
      const sent = performance.now();
      if (req.strokeEndAt !== undefined) measureSince(PERF.strokeToRequest, req.strokeEndAt);
      const result = await studio.latent.reconstruct({ modelId: req.modelId, strokes: req.strokes, label: req.label });
      measureSince(PERF.reconstructRoundTrip, sent);
      this.lastMs = performance.now() - sent;
      return result;
    },
    (result, req) => {
      this.busy = this.runner.busy;
      this.result = result;
      this.empty = req.strokes.length === 0;
      this.error = undefined;
      this.version++;
      this.painted?.(result);
      if (req.strokeEndAt !== undefined) measureSince(PERF.strokeToReconstruction, req.strokeEndAt);
    },
    (error) => {
      this.busy = false;
      this.error = messageOf(error);
    },
  );

  // The strokes are read when the throttle fires, not on every pointer move (they are copied).
  private readonly live = throttled(
    (req: { modelId: string; strokes: () => Stroke[]; label: number }) =>
      this.runner.submit({ modelId: req.modelId, strokes: req.strokes(), label: req.label }),
    LIVE_INTERVAL_MS,
  );

  /** The panel paints synchronously on delivery, so the bench's measure includes the paint. */
  onPainted(paint: (result: Reconstruction) => void): () => void {
    this.painted = paint;
    return () => (this.painted = undefined);
  }

  /** After a stroke (or undo, clear, a new model): ask now. */
  request(modelId: string, strokes: Stroke[], strokeEndAt?: number): void {
    if (strokeEndAt !== undefined) {
      const last = this.lastAsked;
      if (last && last.modelId === modelId && last.changedAt === strokeEndAt) return;
      this.lastAsked = { modelId, changedAt: strokeEndAt };
    }
    this.live.cancel();
    // Urgent: the live request still in flight answers for a drawing that no longer exists.
    this.runner.submit({ modelId, strokes, label: this.label, strokeEndAt }, true);
  }

  /** While a stroke is drawn: ask, throttled. */
  /** The class a conditional model draws from now on. */
  drawClass(label: number): void {
    this.label = label;
  }

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
    this.result = result;
    this.empty = false;
    this.error = undefined;
    this.busy = false;
    this.version++;
    this.painted?.(result);
  }

  reset(): void {
    this.live.cancel();
    this.runner.cancel();
    this.result = undefined;
    this.error = undefined;
    this.empty = true;
  }
}

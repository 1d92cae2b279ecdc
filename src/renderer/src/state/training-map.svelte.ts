import type { TrainingLatentMap } from '../../../shared/contract/training';
import { mapBounds, type MapBounds } from '../lib/map-bounds';

export interface MapFrame {
  epoch: number;
  map: TrainingLatentMap;
}

/** Frames kept per run: enough for a long run's animation, bounded in memory. */
const MAX_FRAMES = 300;

/**
 * The validation codes' map after each epoch of one run: the Train view shows the newest (or the
 * one the person scrubs to) and the GIF export plays them all, in one fixed view box. `run` and
 * `frames` are written by `clear` and `add`.
 */
export class TrainingMapFrames {
  /** What the run was (model name and settings), for the names of exported files. */
  run = $state('');
  frames = $state.raw<MapFrame[]>([]);
  /** The frame scrubbed to; undefined: the newest. */
  #shown = $state<number | undefined>();

  readonly shownIndex = $derived(this.#shown ?? this.frames.length - 1);
  /** The frame on screen: the one scrubbed to, else the newest. */
  readonly current = $derived<MapFrame | undefined>(this.frames[this.shownIndex]);
  /** Following the run (the newest epoch shows as it arrives) unless the person scrubbed back. */
  readonly following = $derived(this.#shown === undefined);
  readonly bounds = $derived<MapBounds | undefined>(
    this.frames.length
      ? mapBounds(
          this.frames.map((f) => f.map),
          this.frames[0].map.axes,
        )
      : undefined,
  );

  add(epoch: number, map: TrainingLatentMap): void {
    // A resumed run starts again at a later epoch; a repeated epoch replaces the older one.
    const kept = this.frames.filter((f) => f.epoch < epoch);
    const next = [...kept, { epoch, map }];
    this.frames = next.length > MAX_FRAMES ? next.filter((_, i) => i % 2 === 0 || i === next.length - 1) : next;
  }

  /** Shows frame `index`; the last one means "follow the run" again. */
  show(index: number): void {
    const last = this.frames.length - 1;
    this.#shown = index >= last ? undefined : Math.max(0, Math.round(index));
  }

  /** A new run starts: `run` names it and its settings in exported files. */
  clear(run = ''): void {
    this.run = run;
    this.frames = [];
    this.#shown = undefined;
  }
}

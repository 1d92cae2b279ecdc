import type {
  ExploreClassGrid,
  ExploreGrid,
  ExploreItem,
  ExploreNeighbours,
  ExploreScatter,
  ImageBlock,
  Projection,
} from '../../../shared/contract/explore';
import type { ModelSummary } from '../../../shared/types/app';
import type { Stroke } from '../../../shared/types/drawing';
import { isConditionalKind } from '../../../shared/model-kinds';
import { Job } from '../lib/job.svelte';
import { studio } from '../lib/studio';
import { EXPLORE_MESSAGES } from '../lib/explore-messages';

/**
 * What Explore needs from the rest of the studio: the selected model, the current drawing's
 * code, and ways to hand a picked code or dataset item back to the canvas and reconstruction.
 * The panel builds it from the Studio, so this file does not depend on how the studio is wired.
 */
export interface ExploreHost {
  readonly ready: boolean;
  readonly models: readonly ModelSummary[];
  readonly model: ModelSummary | undefined;
  readonly currentCode: Float32Array | undefined;
  /** The class a conditional model draws with (the reconstruction's). */
  readonly currentLabel: number;
  loadStrokes(strokes: Stroke[]): void;
  /** A dataset item without strokes (an MNIST bitmap), shown as the current image. */
  showImage(item: ExploreItem): void;
  /** A code picked on a plot: the reconstruction and sliders show its decoding. */
  showCode(code: Float32Array, label?: number): void;
}

export type ExploreView = 'grid' | 'scatter' | 'path' | 'samples' | 'classes' | 'similar';

export type GridAxes = 'dims' | 'pca';

/** The latent grid's settings: the view binds them, and `runGrid` reads them. */
export class GridSettings {
  /** Cells per side. */
  n = $state(15);
  /** Quantile range: the Keras book's 0.05–0.95 by default, 0.01–0.99 in the blog post. */
  low = $state(0.05);
  high = $state(0.95);
  axes = $state<GridAxes>('dims');
  dimX = $state(0);
  dimY = $state(1);
  /** For latents > 2: hold the other dimensions at the drawing's code instead of 0 (or the mean). */
  aroundDrawing = $state(false);
  /** The class a conditional model's grid (and interpolation) is decoded with. */
  label = $state(0);
}

export type EndpointKind = 'drawing' | 'sample' | 'item';

/** The step "Another random sample" moves an endpoint's seed by. */
const RESEED_STEP = 10;

/** One end of the interpolation. */
export class Endpoint {
  kind = $state<EndpointKind>('sample');
  /** The dataset item an 'item' end starts from. */
  index = $state(0);
  /** The seed of a 'sample' end's random code. */
  seed = $state(1);

  constructor(kind: EndpointKind, seed: number) {
    this.kind = kind;
    this.seed = seed;
  }

  /** Another random sample. */
  reseed(): void {
    this.seed += RESEED_STEP;
  }
}

/** Frames per second of the interpolation's Play. */
export const PLAY_FPS = 6;

export type InterpolationMode = 'linear' | 'spherical';

/** A view's job is asked once per model: not while it has an answer or is asking. */
const idle = (job: Job<unknown>) => !job.result && !job.busy;

/**
 * The Explore tab's state: settings and latest answer of each view, and when each view runs. The
 * studio calls `enter` when the tab comes on screen, `followModel` when the model changes (or the
 * engine is back) and `followDrawing` when the drawing's code settles; `show` switches views.
 *
 * Settings the person changes (`projection`, `steps`, `mode`, `sampleClass`, `weights`, `k`, the
 * grid's and the endpoints') are plain fields the views bind; `view`, `marker`, `frame`,
 * `playing`, `sampleSeed` and `styleSeed` are written by the methods.
 */
export class ExploreState {
  view = $state<ExploreView>('grid');

  readonly gridSettings = new GridSettings();
  readonly grid = new Job<ExploreGrid>();

  projection = $state<Projection>('latent');
  readonly scatter = new Job<ExploreScatter>();
  /** Where the current drawing's code lands on the scatter. */
  marker = $state.raw<[number, number] | undefined>();

  readonly from = new Endpoint('sample', 1);
  readonly to = new Endpoint('sample', 2);
  /** Frames of the interpolation; runPath clamps it to what the engine draws. */
  steps = $state(10);
  mode = $state<InterpolationMode>('linear');
  readonly path = new Job<ImageBlock>();
  /** The interpolation frame on screen. */
  frame = $state(0);
  playing = $state(false);
  private timer: ReturnType<typeof setInterval> | undefined;

  sampleSeed = $state(1);
  sampleClass = $state(0);
  readonly samples = new Job<ImageBlock>();

  styleSeed = $state(1);
  readonly classGrid = new Job<ExploreClassGrid>();
  /** The blend's weight of each class (normalised by the engine). */
  weights = $state<number[]>([]);
  readonly blend = new Job<ImageBlock>();

  /** How many neighbours Similar looks for. */
  k = $state(8);
  readonly neighbours = new Job<ExploreNeighbours>();

  /** Loading a picked item onto the canvas. */
  readonly item = new Job<ExploreItem>();

  /** The model whose answers are held (reset when another comes). */
  private shownModel: string | undefined;
  /** Whether the drawing had a code when Explore last looked. */
  private hadDrawing = false;

  constructor(readonly host: ExploreHost) {}

  get modelId(): string | undefined {
    return this.host.model?.id;
  }

  get latentSize(): number {
    return this.host.model?.latentSize ?? 0;
  }

  get conditional(): boolean {
    return isConditionalKind(this.host.model?.kind);
  }

  get classNames(): string[] {
    return this.host.model?.classNames ?? [];
  }

  /** The tab came on screen: Explore starts afresh for the model and computes the view shown. */
  enter(): void {
    this.shownModel = undefined;
    this.followModel();
    this.lookAtDrawing(true);
  }

  /** Another view: it is computed if it has no answer yet, and looks at the drawing. */
  show(view: ExploreView): void {
    if (view === this.view) return;
    this.view = view;
    this.runShown();
    this.lookAtDrawing(true);
  }

  /** The model may have changed: another model's answers are forgotten, and the view shown is computed. */
  followModel(): void {
    if (this.modelId !== this.shownModel) {
      this.shownModel = this.modelId;
      this.reset();
      if (this.view === 'classes' && !this.conditional) this.view = 'grid';
    }
    this.runShown();
  }

  /** The drawing's code changed: the marker moves, Similar looks again, an interpolation may start from it. */
  followDrawing(): void {
    this.lookAtDrawing(false);
  }

  /** Computes the view shown if it has no answer for this model yet (the engine must be up). */
  runShown(): void {
    if (!this.modelId || !this.host.ready) return;
    if (this.view === 'grid' && idle(this.grid)) void this.runGrid();
    if (this.view === 'scatter' && idle(this.scatter)) void this.runScatter();
    if (this.view === 'samples' && idle(this.samples)) void this.runSamples();
    if (this.view === 'classes' && idle(this.classGrid)) {
      void this.runClassGrid();
      void this.runBlend();
    }
  }

  /**
   * What the view shown takes from the drawing: the scatter's marker, Similar's neighbours, and
   * Interpolate's start, which is the drawing when it is first shown with one (or one appears).
   */
  private lookAtDrawing(shown: boolean): void {
    const hasDrawing = !!this.host.currentCode;
    const appeared = hasDrawing && !this.hadDrawing;
    this.hadDrawing = hasDrawing;
    if (!this.modelId) return;
    if (this.view === 'scatter') void this.placeMarker();
    if (this.view === 'similar') void this.runNeighbours();
    if (this.view === 'path' && hasDrawing && (shown || appeared) && !this.path.result && this.from.kind === 'sample') {
      this.from.kind = 'drawing';
    }
  }

  /** Stops Play and shows one frame of the interpolation. */
  showFrame(index: number): void {
    this.stop();
    this.frame = index;
  }

  /** Forgets every answer (a new model was picked). */
  reset(): void {
    this.stop();
    for (const job of [this.grid, this.scatter, this.path, this.samples, this.classGrid, this.blend, this.neighbours]) {
      job.reset();
    }
    this.marker = undefined;
    this.frame = 0;
    const c = this.classNames.length;
    this.weights = defaultWeights(c);
    this.gridSettings.label = Math.min(this.host.currentLabel, Math.max(0, c - 1));
    this.sampleClass = this.gridSettings.label;
    this.projection = this.latentSize > 2 ? 'pca' : 'latent';
    this.gridSettings.axes = this.latentSize > 2 ? 'pca' : 'dims';
  }

  async runGrid(): Promise<void> {
    const modelId = this.modelId;
    if (!modelId) return;
    const g = this.gridSettings;
    const base = g.aroundDrawing && this.latentSize > 2 ? this.host.currentCode : undefined;
    await this.grid.run(() =>
      studio.explore.grid({
        modelId,
        n: g.n,
        low: g.low,
        high: g.high,
        axes: g.axes,
        dims: g.axes === 'dims' ? [g.dimX, g.dimY] : undefined,
        base: base ? Float32Array.from(base) : undefined,
        label: this.conditional ? g.label : undefined,
      }),
    );
  }

  async runScatter(): Promise<void> {
    const modelId = this.modelId;
    if (!modelId) return;
    await this.scatter.run(() => studio.explore.scatter({ modelId, projection: this.projection }));
    await this.placeMarker();
  }

  /** Puts the current drawing's code on the scatter (2-d codes directly, else through the engine's projection). */
  async placeMarker(): Promise<void> {
    const modelId = this.modelId;
    const code = this.host.currentCode;
    if (!modelId || !code || !this.scatter.result) {
      this.marker = undefined;
      return;
    }
    if (this.projection === 'latent') {
      this.marker = [code[0], code[1] ?? 0];
      return;
    }
    try {
      const { points } = await studio.explore.project({
        modelId,
        projection: this.projection,
        codes: Float32Array.from(code),
      });
      this.marker = [points[0], points[1]];
    } catch {
      this.marker = undefined;
    }
  }

  private async endpointCode(end: Endpoint, modelId: string): Promise<Float32Array> {
    if (end.kind === 'drawing') {
      const code = this.host.currentCode;
      if (!code) throw new Error(EXPLORE_MESSAGES.needDrawing);
      return Float32Array.from(code);
    }
    if (end.kind === 'item') return (await studio.explore.item({ modelId, index: end.index })).code;
    const sample = await studio.explore.samples({ modelId, count: 1, seed: end.seed, label: this.classFor() });
    return sample.latents;
  }

  private classFor(): number | undefined {
    return this.conditional ? this.gridSettings.label : undefined;
  }

  async runPath(): Promise<void> {
    const modelId = this.modelId;
    if (!modelId) return;
    this.stop();
    this.steps = Math.min(32, Math.max(2, Math.round(this.steps) || 10));
    const result = await this.path.run(async () => {
      const [from, to] = [await this.endpointCode(this.from, modelId), await this.endpointCode(this.to, modelId)];
      return studio.explore.interpolate({
        modelId,
        from,
        to,
        steps: this.steps,
        mode: this.mode,
        label: this.classFor(),
      });
    });
    if (result) this.frame = 0;
  }

  /** Steps through the frames once, from the first; Pause stops where it is. */
  play(): void {
    const count = this.path.result?.count ?? 0;
    if (count < 2) return;
    this.stop();
    this.frame = 0;
    this.playing = true;
    this.timer = setInterval(() => {
      const next = this.frame + 1;
      if (next >= count) this.stop();
      else this.frame = next;
    }, 1000 / PLAY_FPS);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.playing = false;
  }

  async runSamples(reroll = false): Promise<void> {
    const modelId = this.modelId;
    if (!modelId) return;
    if (reroll) this.sampleSeed += 1;
    const label = this.conditional ? this.sampleClass : undefined;
    await this.samples.run(() => studio.explore.samples({ modelId, count: 16, seed: this.sampleSeed, label }));
  }

  async runClassGrid(reroll = false): Promise<void> {
    const modelId = this.modelId;
    if (!modelId || !this.conditional) return;
    if (reroll) this.styleSeed += 1;
    await this.classGrid.run(() => studio.explore.classGrid({ modelId, styles: 4, seed: this.styleSeed }));
  }

  async runBlend(): Promise<void> {
    const modelId = this.modelId;
    if (!modelId || !this.conditional) return;
    if (!this.weights.some((w) => w > 0)) {
      this.blend.fail(EXPLORE_MESSAGES.allZero);
      return;
    }
    const weights = [...this.weights];
    await this.blend.run(() => studio.explore.blend({ modelId, weights, count: 4, seed: this.styleSeed }));
  }

  async runNeighbours(): Promise<void> {
    const modelId = this.modelId;
    if (!modelId) return;
    const code = this.host.currentCode;
    if (!code) {
      this.neighbours.reset();
      return;
    }
    await this.neighbours.run(() => studio.explore.neighbours({ modelId, code: Float32Array.from(code), k: this.k }));
  }

  /** Loads a dataset item onto the canvas: its strokes when it has them, else as the current image. */
  async open(index: number): Promise<void> {
    const modelId = this.modelId;
    if (!modelId) return;
    const item = await this.item.run(() => studio.explore.item({ modelId, index }));
    if (!item) return;
    if (item.strokes) this.host.loadStrokes(item.strokes);
    else this.host.showImage(item);
  }

  showCode(code: Float32Array, label?: number): void {
    this.host.showCode(code, label);
  }
}

/** Half 8 and half 3 (the Cookbook's blend) for digit models; else half of the first two classes. */
export function defaultWeights(classes: number): number[] {
  const weights = new Array<number>(classes).fill(0);
  if (classes >= 10) {
    weights[8] = 0.5;
    weights[3] = 0.5;
  } else if (classes >= 2) {
    weights[0] = 0.5;
    weights[1] = 0.5;
  } else if (classes === 1) weights[0] = 1;
  return weights;
}

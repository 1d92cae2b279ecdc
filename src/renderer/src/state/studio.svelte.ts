import type { Stroke } from '../../../shared/types/drawing';
import { ConceptsState, type ConceptsHost } from './concepts.svelte';
import { DatasetsState } from './datasets.svelte';
import { DrawingState } from './drawing.svelte';
import { EngineState } from './engine.svelte';
import { studioHost } from './explore-host';
import { ExploreState } from './explore.svelte';
import { FilesState, type FilesHost } from './files.svelte';
import { LatentState } from './latent.svelte';
import { ModelsState } from './models.svelte';
import { ReconstructionState } from './reconstruction.svelte';
import { TrainingState } from './training.svelte';
import { WorkbenchState } from './workbench.svelte';

export type ToolTab = 'latent' | 'concepts' | 'explore' | 'train' | 'data';

/**
 * The studio's shared state, handed to every panel. Feature state lives in its own class
 * (drawing, engine, …); this object owns one of each for the app's lifetime (a training run or an
 * import goes on while the person is on another tab) and ties them together: the features tell it
 * what changed (the engine is up, a stroke ended, another model, a settled answer) and it tells
 * the others, including the feature on the tab shown, which is computed only while it is shown.
 */
export class Studio implements ConceptsHost, FilesHost {
  readonly engine = new EngineState(() => this.engineReady());
  readonly drawing = new DrawingState({
    changed: (strokes, changedAt) => this.drawingChanged(strokes, changedAt),
    grew: () => this.strokeGrew(),
  });
  readonly models = new ModelsState(() => this.modelChanged());
  readonly reconstruction = new ReconstructionState(() => this.drawingSettled());
  readonly latent = new LatentState();
  readonly concepts = new ConceptsState(this);
  readonly workbench = new WorkbenchState();
  readonly training = new TrainingState();
  readonly datasets = new DatasetsState();
  readonly files = new FilesState(this);
  readonly explore = new ExploreState(studioHost(this));
  /** The tool tab shown beside the drawing; `showTab` changes it. */
  tab = $state<ToolTab>('latent');
  dark = $state(false);

  readonly modelId = $derived(this.models.selectedId);
  /** The class a conditional model is asked to draw (undefined for the others). */
  readonly label = $derived(this.models.conditional ? this.reconstruction.label : undefined);

  /** The current drawing, as plain data. */
  strokes(): Stroke[] {
    return this.drawing.snapshot();
  }

  /** Subscribes every feature to the engine's events; returns the unsubscribe. */
  connect(): () => void {
    const off = [
      this.engine.connect(),
      // A finished training run saved a new (or retrained) user model: list it.
      this.training.connect((event) => {
        if (event.modelId) void this.models.refresh();
      }),
      this.datasets.connect(),
    ];
    return () => off.forEach((f) => f());
  }

  /** Another tab: what it shows is brought up to date (a tab shown again is not asked again). */
  showTab(tab: ToolTab): void {
    if (tab === this.tab) return;
    this.tab = tab;
    if (tab === 'latent') this.loadLatent();
    if (tab === 'concepts') this.loadConcepts();
    if (tab === 'explore') this.explore.enter();
    // New datasets may have been imported since the tab was last shown: read them again.
    if (tab === 'train' && this.engine.ready) void this.training.refresh();
    if (tab === 'data' && this.engine.ready) void this.datasets.refresh();
  }

  /** The class a conditional model draws: the reconstruction and the tab shown follow it. */
  drawClass(label: number): void {
    const before = this.label;
    this.reconstruction.label = label;
    if (this.label !== before) this.modelChanged();
  }

  /** The engine is up (at start, or back after a restart): read what it holds again. */
  private engineReady(): void {
    void this.models.refresh();
    void this.files.refresh();
    if (this.tab === 'train') void this.training.refresh();
    if (this.tab === 'data') void this.datasets.refresh();
    if (this.tab === 'explore') this.explore.runShown();
  }

  /** Another model or class (or the list read again): start over with the current drawing. */
  private modelChanged(): void {
    this.reconstruction.reset();
    this.latent.follow(this.reconstruction.settledCode);
    const id = this.modelId;
    if (id) this.reconstruction.request(id, this.drawing.snapshot());
    if (this.tab === 'latent') this.loadLatent();
    if (this.tab === 'concepts') this.loadConcepts();
    if (this.tab === 'explore') this.explore.followModel();
  }

  /** A stroke ended, or undo, redo, erase, clear: asked at once, from inside the change itself. */
  private drawingChanged(strokes: Stroke[], changedAt: number): void {
    const id = this.modelId;
    if (id) this.reconstruction.request(id, strokes, changedAt);
    if (this.tab === 'concepts' && id) this.concepts.apply();
  }

  /** While a stroke is drawn the reconstruction follows it, throttled. */
  private strokeGrew(): void {
    const id = this.modelId;
    if (id && this.drawing.current) this.reconstruction.requestLive(id, () => this.drawing.snapshot(true));
  }

  /** The drawing's code settled: the sliders start from it and Explore looks at it. */
  private drawingSettled(): void {
    this.latent.follow(this.reconstruction.settledCode);
    if (this.tab === 'explore') this.explore.followDrawing();
  }

  private loadLatent(): void {
    if (this.modelId) void this.latent.loadSpace(this.modelId, this.label);
  }

  private loadConcepts(): void {
    if (!this.modelId) return;
    void this.concepts.load();
    this.concepts.apply();
  }
}

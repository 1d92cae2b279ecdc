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
 * import goes on while the person is on another tab) and only ties them together.
 */
export class Studio implements ConceptsHost, FilesHost {
  readonly engine = new EngineState();
  readonly drawing = new DrawingState();
  readonly models = new ModelsState();
  readonly reconstruction = new ReconstructionState();
  readonly latent = new LatentState();
  readonly concepts = new ConceptsState(this);
  readonly workbench = new WorkbenchState();
  readonly training = new TrainingState();
  readonly datasets = new DatasetsState();
  readonly files = new FilesState(this);
  readonly explore = new ExploreState(studioHost(this));
  #tab = $state<ToolTab>('latent');
  #dark = $state(false);

  /** The tool tab shown beside the drawing. */
  get tab(): ToolTab {
    return this.#tab;
  }
  get dark(): boolean {
    return this.#dark;
  }
  showTab(tab: ToolTab): void {
    this.#tab = tab;
  }
  toggleTheme(): void {
    this.#dark = !this.#dark;
  }

  get modelId(): string | undefined {
    return this.models.selectedId;
  }

  /** The current drawing, as plain data. */
  strokes(): Stroke[] {
    return this.drawing.snapshot();
  }

  /** The class a conditional model is asked to draw (undefined for the others). */
  get label(): number | undefined {
    return this.models.conditional ? this.reconstruction.label : undefined;
  }

  /** Subscribes every feature to the engine's events; returns the unsubscribe. */
  connect(): () => void {
    const off = [this.engine.connect(), this.training.connect(), this.datasets.connect()];
    return () => off.forEach((f) => f());
  }
}

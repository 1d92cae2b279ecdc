import { ConceptsState } from './concepts.svelte';
import { DrawingState } from './drawing.svelte';
import { EngineState } from './engine.svelte';
import { LatentState } from './latent.svelte';
import { ModelsState } from './models.svelte';
import { ReconstructionState } from './reconstruction.svelte';
import { WorkbenchState } from './workbench.svelte';

export type ToolTab = 'latent' | 'concepts' | 'explore' | 'train' | 'data';

/**
 * The studio's shared state, handed to every panel. Feature state lives in its own class
 * (drawing, engine, …); this object only ties them together.
 */
export class Studio {
  readonly engine = new EngineState();
  readonly drawing = new DrawingState();
  readonly models = new ModelsState();
  readonly reconstruction = new ReconstructionState();
  readonly latent = new LatentState();
  readonly concepts = new ConceptsState();
  readonly workbench = new WorkbenchState();
  tab = $state<ToolTab>('latent');
  dark = $state(false);

  /** The class a conditional model is asked to draw (undefined for the others). */
  get label(): number | undefined {
    return this.models.conditional ? this.reconstruction.label : undefined;
  }
}

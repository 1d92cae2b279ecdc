import { DrawingState } from './drawing.svelte';
import { EngineState } from './engine.svelte';

export type ToolTab = 'latent' | 'concepts' | 'explore' | 'train' | 'data';

/**
 * The studio's shared state, handed to every panel. Feature state lives in its own class
 * (drawing, engine, …); this object only ties them together.
 */
export class Studio {
  readonly engine = new EngineState();
  readonly drawing = new DrawingState();
  tab = $state<ToolTab>('latent');
  dark = $state(false);
}

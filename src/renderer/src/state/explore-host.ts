import type { ExploreItem } from '../../../shared/contract/explore';
import { studio as api } from '../lib/studio';
import { fitStrokes } from '../lib/explore-geometry';
import { CANVAS_SIZE } from '../lib/workbench-geometry';
import type { ExploreHost } from './explore.svelte';
import type { DrawingState } from './drawing.svelte';
import type { EngineState } from './engine.svelte';
import type { ModelsState } from './models.svelte';
import type { ReconstructionState } from './reconstruction.svelte';

/** The parts of the studio Explore's host reads (the Studio itself, without importing it). */
export interface ExploreStudio {
  readonly engine: EngineState;
  readonly drawing: DrawingState;
  readonly models: ModelsState;
  readonly reconstruction: ReconstructionState;
  readonly label: number | undefined;
}

/** How long to wait for the reconstruction of a just-cleared canvas before showing a dataset image. */
const SETTLE_MS = 2000;
/** The margin items get in the drawing canvas, in CSS pixels. */
const CANVAS_MARGIN = 36;

/**
 * Explore's view of the studio: the selected model, the reconstruction's code, and the way a
 * picked code or dataset image becomes "the current image": ReconstructionState.showPicked shows
 * it as the reconstruction's settled result (the sliders and Explore follow it as they follow any);
 * the next stroke on the canvas replaces it, as it replaces any reconstruction.
 */
export function studioHost(studio: ExploreStudio): ExploreHost {
  const rec = studio.reconstruction;

  /** Only conditional models take a label; the others refuse one. */
  async function decode(z: Float32Array, label?: number) {
    const modelId = studio.models.selectedId;
    if (!modelId) return undefined;
    return api.latent.decode({ modelId, z, label: studio.models.conditional ? (label ?? studio.label) : undefined });
  }

  /** Clearing the canvas asks for its (empty) reconstruction: wait for it so it does not overwrite ours. */
  async function clearCanvas(): Promise<void> {
    if (studio.drawing.isEmpty) return;
    studio.drawing.clear();
    const start = performance.now();
    await new Promise((r) => setTimeout(r, 30));
    while (rec.busy && performance.now() - start < SETTLE_MS) await new Promise((r) => setTimeout(r, 30));
  }

  return {
    get ready() {
      return studio.engine.ready;
    },
    get models() {
      return studio.models.list;
    },
    get model() {
      return studio.models.selected;
    },
    get currentCode() {
      return rec.settledCode;
    },
    get currentLabel() {
      return rec.label;
    },
    loadStrokes(strokes) {
      studio.drawing.replace(fitStrokes(strokes, CANVAS_SIZE, CANVAS_MARGIN));
    },
    async showImage(item: ExploreItem) {
      await clearCanvas();
      const decoded = await decode(item.code, item.label);
      if (decoded) rec.showPicked({ input: item.image, size: item.imageSize, z: item.code, output: decoded.output });
    },
    async showCode(code: Float32Array, label?: number) {
      const decoded = await decode(code, label);
      if (!decoded) return;
      // A picked code has no drawing behind it: "what the model sees" is its own decoding.
      rec.showPicked({ input: decoded.output, size: decoded.size, z: code, output: decoded.output });
    },
  };
}

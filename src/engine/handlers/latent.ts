import type { Stroke } from '../../shared/types/drawing';
import { decodeOne, reconstructStrokes } from '../runtime/latent-ops';
import type { EngineContext } from '../context';
import type { LoadedModel } from '../models/index';
import { isConditional } from '../models/types';

export const LATENT_HANDLER_ERRORS = {
  badLatentSize: (expected: number, got: number) => `this model's codes have ${expected} values, not ${got}`,
  badLabel: (classes: number, got: number) => `this model has ${classes} classes (0–${classes - 1}), not class ${got}`,
} as const;

/** A class a conditional model does not have is refused, not quietly replaced by class 0. */
function checkLabel(loaded: LoadedModel, label: number | undefined): void {
  const classes = loaded.metadata.numClasses;
  if (label !== undefined && isConditional(loaded.metadata.kind) && label >= classes) {
    throw new Error(LATENT_HANDLER_ERRORS.badLabel(classes, label));
  }
}

export function latentHandlers(context: EngineContext) {
  const { runtime } = context;
  return {
    'latent:reconstruct': async (req: { modelId: string; strokes: Stroke[]; label?: number }) => {
      const loaded = await context.models.get(req.modelId);
      checkLabel(loaded, req.label);
      return reconstructStrokes(loaded, req.strokes, req.label);
    },

    'latent:decode': async (req: { modelId: string; z: Float32Array; label?: number }) => {
      const loaded = await context.models.get(req.modelId);
      const k = loaded.metadata.latentSize;
      if (req.z.length !== k) throw new Error(LATENT_HANDLER_ERRORS.badLatentSize(k, req.z.length));
      checkLabel(loaded, req.label);
      return { output: await decodeOne(loaded, req.z, req.label), size: loaded.metadata.imageSize };
    },

    'latent:space': async (req: { modelId: string; label?: number }) => runtime.spaceOf(req.modelId, req.label),
  };
}

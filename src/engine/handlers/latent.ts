import type { Stroke } from '../../shared/types/drawing';
import { decodeOne, reconstructStrokes } from '../runtime/latent-ops';
import { studioRuntime } from '../runtime/studio-runtime';
import type { EngineContext } from './index';

export const LATENT_HANDLER_ERRORS = {
  badLatentSize: (expected: number, got: number) => `this model's codes have ${expected} values, not ${got}`,
} as const;

export function latentHandlers(context: EngineContext) {
  const runtime = studioRuntime(context);
  return {
    'latent:reconstruct': async (req: { modelId: string; strokes: Stroke[]; label?: number }) =>
      reconstructStrokes(await context.models.get(req.modelId), req.strokes, req.label),

    'latent:decode': async (req: { modelId: string; z: Float32Array; label?: number }) => {
      const loaded = await context.models.get(req.modelId);
      const k = loaded.metadata.latentSize;
      if (req.z.length !== k) throw new Error(LATENT_HANDLER_ERRORS.badLatentSize(k, req.z.length));
      return { output: await decodeOne(loaded, req.z, req.label), size: loaded.metadata.imageSize };
    },

    'latent:space': async (req: { modelId: string; label?: number }) => runtime.spaceOf(req.modelId, req.label),
  };
}

import type { Request } from '../../shared/contract/index';
import { checkLabel, decodeOne, reconstructStrokes } from '../runtime/latent-ops';
import type { EngineContext } from '../context';

export const LATENT_HANDLER_ERRORS = {
  badLatentSize: (expected: number, got: number) => `this model's codes have ${expected} values, not ${got}`,
} as const;

export function latentHandlers(context: EngineContext) {
  const { runtime } = context;
  return {
    'latent:reconstruct': (req: Request<'latent:reconstruct'>) =>
      context.models.use(req.modelId, (loaded) => {
        checkLabel(loaded.model, req.label);
        return reconstructStrokes(loaded, req.strokes, req.label);
      }),

    'latent:decode': (req: Request<'latent:decode'>) =>
      context.models.use(req.modelId, async (loaded) => {
        const k = loaded.metadata.latentSize;
        if (req.z.length !== k) throw new Error(LATENT_HANDLER_ERRORS.badLatentSize(k, req.z.length));
        checkLabel(loaded.model, req.label);
        return { output: await decodeOne(loaded, req.z, req.label), size: loaded.metadata.imageSize };
      }),

    'latent:space': async (req: Request<'latent:space'>) => runtime.spaceOf(req.modelId, req.label),
  };
}

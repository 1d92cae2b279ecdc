import type { DecodedImage, LatentSpace, Reconstruction } from '../types/latent';
import { channel } from './define';
import { drawingSchema, labelSchema, latentSchema, modelIdSchema } from './drawing';
import { s } from './schema';

/** Channels and events of the latent feature. Studio channels first; explore channels follow. */
export const latentChannels = {
  /** Canvas strokes → normalised + rasterized with the model's recipe → μ → decoded. */
  'latent:reconstruct': channel(
    'engine',
    s.object({ modelId: modelIdSchema, strokes: drawingSchema, label: s.optional(labelSchema) }),
    s.trusted<Reconstruction>(),
  ),
  /** One latent vector → image (the sliders). */
  'latent:decode': channel(
    'engine',
    s.object({ modelId: modelIdSchema, z: latentSchema, label: s.optional(labelSchema) }),
    s.trusted<DecodedImage>(),
  ),
  /** Slider axes and the 2-D map: latent dims, or principal directions of the data's codes. */
  'latent:space': channel(
    'engine',
    s.object({ modelId: modelIdSchema, label: s.optional(labelSchema) }),
    s.trusted<LatentSpace>(),
  ),
} as const;

export const latentEvents = {} as const;

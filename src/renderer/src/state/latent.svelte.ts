import type { Request } from '../../../shared/contract/index';
import type { DecodedImage, LatentSpace } from '../../../shared/types/latent';
import { messageOf } from '../lib/errors';
import { frameCoalesced, LatestOnly } from '../lib/latest-only';
import { coordinates, moveAlong } from '../lib/latent-math';
import { measureSince, PERF } from '../lib/perf';
import { studio } from '../lib/studio';

/** The request, and performance.now() of the input it answers (for the bench). */
type DecodeRequest = Request<'latent:decode'> & { inputAt: number };

/**
 * Latent sliders: axes from the engine, the drawing's own code, and the decoded slider code. Every
 * field is written by the methods: `loadSpace` (the axes), `follow` (the drawing's code), `set`
 * and `reset` (the sliders) and the decodes' answers.
 */
export class LatentState {
  space = $state.raw<LatentSpace | undefined>();
  spaceError = $state<string | undefined>();
  loadingSpace = $state(false);
  /** The drawing's own code (from the reconstruction). */
  base = $state.raw<Float32Array | undefined>();
  /** Slider positions: coordinates along space.directions. */
  values = $state<number[]>([]);
  /** The drawing's own coordinates (Reset returns here). */
  origin = $state.raw<number[]>([]);
  decoded = $state.raw<DecodedImage | undefined>();
  error = $state<string | undefined>();
  private spaceKey = '';
  private painted: ((image: DecodedImage) => void) | undefined;

  /** The code the sliders describe now. */
  readonly current = $derived(
    this.space && this.base ? moveAlong(this.base, this.space.directions, this.origin, this.values) : undefined,
  );
  readonly moved = $derived(this.values.some((v, i) => v !== this.origin[i]));

  private readonly runner = new LatestOnly<DecodeRequest, DecodedImage>(
    async (req) => {
      const sent = performance.now();
      const image = await studio.latent.decode({ modelId: req.modelId, z: req.z, label: req.label });
      measureSince(PERF.decodeRoundTrip, sent);
      return image;
    },
    (image, req) => {
      this.decoded = image;
      this.error = undefined;
      this.painted?.(image);
      measureSince(PERF.sliderToFrame, req.inputAt);
    },
    (error) => (this.error = messageOf(error)),
  );

  /** One decode per animation frame at most, always for the newest slider position. */
  private readonly decodeNextFrame = frameCoalesced((req: DecodeRequest) => this.runner.submit(req));

  onPainted(paint: (image: DecodedImage) => void): () => void {
    this.painted = paint;
    return () => (this.painted = undefined);
  }

  async loadSpace(modelId: string, label?: number): Promise<void> {
    const key = `${modelId}|${label ?? ''}`;
    if (key === this.spaceKey) return;
    this.spaceKey = key;
    this.space = undefined;
    this.spaceError = undefined;
    this.loadingSpace = true;
    // Without axes there are no sliders until the new ones arrive.
    this.follow(this.base);
    try {
      const space = await studio.latent.space({ modelId, label });
      if (this.spaceKey !== key) return;
      this.space = space;
      this.follow(this.base);
    } catch (error) {
      if (this.spaceKey === key) this.spaceError = messageOf(error);
    } finally {
      if (this.spaceKey === key) this.loadingSpace = false;
    }
  }

  /** A new drawing code: sliders jump to it (moving the drawing resets them, as Reset does). */
  follow(z: Float32Array | undefined): void {
    this.base = z;
    const space = this.space;
    if (!space || !z || z.length !== space.latentSize) {
      this.values = [];
      this.origin = [];
      this.decoded = undefined;
      return;
    }
    const origin = coordinates(z, space.mean, space.directions);
    this.origin = origin;
    this.values = [...origin];
    this.decoded = undefined;
  }

  /** A slider moved: decode the new code on the next frame. */
  set(modelId: string, index: number, value: number, label?: number): void {
    const inputAt = performance.now();
    this.values[index] = value;
    const z = this.current;
    if (z) this.decodeNextFrame({ modelId, z, label, inputAt });
  }

  reset(): void {
    this.values = [...this.origin];
    this.decoded = undefined;
  }
}

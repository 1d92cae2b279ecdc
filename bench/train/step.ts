import { tf } from '../../src/engine/backend/select';
import { buildModel, defaultConfig } from '../../src/engine/models/build';
import { lossTerms, runDecoder, runEncoder } from '../../src/engine/models/forward';
import type { LatentModel, ModelKind } from '../../src/engine/models/types';
import { makeOptimizer } from '../../src/engine/train/step/optimizer';
import { benchImages } from './drawings';

/** The three models the studio trains, with the batch sizes the books trained them at. */
export const BENCH_MODELS: ReadonlyArray<{ kind: ModelKind; batch: number }> = [
  { kind: 'mlp-vae', batch: 128 },
  { kind: 'conv-vae', batch: 64 },
  { kind: 'conv-ae', batch: 128 },
];

export interface Trainer {
  model: LatentModel;
  batch: number;
  /** One Adam step on one batch, the loss read back as a training loop does. */
  step(): number;
  /** Encode one drawing to μ (or the code) and decode it: the path that runs while a person draws. */
  encodeDecodeOne(): void;
  dispose(): void;
}

export async function makeTrainer(kind: ModelKind, batch: number): Promise<Trainer> {
  const model = buildModel(defaultConfig(kind));
  const pixels = model.config.imageSize ** 2;
  const images = tf.tensor2d(await benchImages(model.config.imageSize, batch), [batch, pixels]);
  const one = tf.tidy(() => images.slice([0, 0], [1, pixels])) as tf.Tensor2D;
  // The engine's own Adam (fused where the backend has the kernel), which the peer mirrors.
  const optimizer = makeOptimizer('adam', 1e-3);
  const vars = [...model.encoder.trainableWeights, ...model.decoder.trainableWeights].map(
    (w) => w.read() as tf.Variable,
  );
  return {
    model,
    batch,
    step() {
      const loss = optimizer.minimize(
        () => {
          const eps = tf.randomNormal([batch, model.config.latentSize]) as tf.Tensor2D;
          const terms = lossTerms(model, { input: images, target: images }, eps);
          return tf.add(terms.reconstruction, terms.kl) as tf.Scalar;
        },
        true,
        vars,
      );
      const value = loss ? loss.dataSync()[0] : NaN;
      loss?.dispose();
      return value;
    },
    encodeDecodeOne() {
      const out = tf.tidy(() => runDecoder(model, runEncoder(model, one)[0]));
      out.dataSync();
      out.dispose();
    },
    dispose() {
      optimizer.dispose();
      tf.dispose([images, one]);
      model.dispose();
    },
  };
}
